"""A commune's plan, made up in the seeds' layout, on which each room of the parser is
tested for what it reads (the header, the references, the schedule, the targets, the
duties, the closing block)."""

PLAN = """UBND XÃ HỒNG PHONG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Hồng Phong, ngày 10 tháng 02 năm 2024
KẾ HOẠCH
Ra quân làm đường giao thông nông thôn năm 2024
Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ;
I. MỤC TIÊU
- Phấn đấu 100% số thôn có đường bê tông theo Kế hoạch số 45/KH-UBND ngày 05/01/2024 của UBND huyện;
- Huy động trên 500 triệu đồng từ nhân dân;
- Giảm tỷ lệ hộ nghèo xuống dưới 2%.
II. THỜI GIAN THỰC HIỆN
- Đợt 1: từ ngày 01/3/2024 đến ngày 31/5/2024.
- Đợt 2: từ ngày 01/6/2024 đến ngày 30/9/2024.
Ra quân vào ngày thứ Bảy hằng tuần.
III. TỔ CHỨC THỰC HIỆN
1. Công chức Địa chính - Xây dựng
Khảo sát tuyến đường, hoàn thành trước ngày 15/3/2024.
2. Các thôn
Vận động nhân dân hiến đất; báo cáo kết quả về UBND xã hằng tháng.
Nơi nhận:
- UBND huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Hùng
"""
