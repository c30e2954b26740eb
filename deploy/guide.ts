/**
 * The step-by-step routes of deploy/README.md, one per kind of PC a province has, in Vietnamese
 * first (the admins who follow them read Vietnamese) and then English. Part of the generated
 * README: `npm run generate` writes it, tests/unit/deploy.test.ts compares it.
 *
 * What is checked where: the policy files, the CRX, update.xml and the force-install and update on
 * Debian's Chromium are tested end to end (tests/e2e/rollout.test.ts); Windows, macOS, Intune, Chrome
 * Enterprise Core and Cốc Cốc are not on the project's machines, so their steps say what to look at
 * on a pilot PC.
 */
import { EXTENSION_ID, GECKO_ID } from '../wxt.config';

export function routesVi(): string {
  return `## Hướng dẫn triển khai theo loại máy

Bộ tài liệu này dành cho cán bộ quản trị trình duyệt của trung tâm CNTT tỉnh. Mỗi mục dưới đây là
một con đường cho một loại máy; làm theo thứ tự, và **luôn thử trên một máy thí điểm trước** (mục
"Kiểm tra trên máy thí điểm" ở cuối phần này).

### Bước chung: chọn gói và tạo bộ chính sách

1. **Chọn gói cài đặt.** Có ba cách, mỗi cách cho một mã tiện ích (ID) khác nhau; mọi tệp chính
   sách phải mang đúng ID của gói thực sự được cài:
   - gói do tỉnh tự ký và tự lưu trữ (khuyên dùng cho máy trong miền):
     \`npm run release -- --key tinh.pem --base-url https://<máy chủ của tỉnh>/khienthu\`
     (khóa tạo một lần bằng \`openssl genrsa -out tinh.pem 2048\`, giữ như mật khẩu; lệnh in ra ID);
   - gói do dự án ký (ID \`${EXTENSION_ID}\`), lưu trên máy chủ của tỉnh như trên;
   - bản trên cửa hàng (Chrome Web Store, Edge Add-ons) cho máy không vào miền: cửa hàng ký bằng
     khóa của họ nên ID là ID của trang tiện ích trên cửa hàng.
2. **Đưa gói lên máy chủ HTTPS** (hai cách đầu): tệp \`.crx\` (kiểu \`application/x-chrome-extension\`)
   và \`update.xml\` tại địa chỉ đã cho \`--base-url\`; với Firefox thêm \`.xpi\` đã được Mozilla ký và
   \`updates.json\` (mục Firefox).
3. **Tạo bộ chính sách của đơn vị** (không sửa tay các tệp mẫu trong thư mục này):
   - gói tự lưu trữ: \`npm run deploy -- --release release/release.json --preset lai-chau --name lai-chau\`
     (một tỉnh có sẵn) hoặc \`--policy tinh.json --name tinh\` (bất kỳ đơn vị nào: cấu hình dạng JSON,
     được kiểm tra như tiện ích kiểm tra);
   - bản trên cửa hàng: \`npm run deploy -- --store chrome-web-store --id <ID trên cửa hàng> --policy tinh.json --name tinh\`
     (Chrome, Edge và Cốc Cốc đều cài được từ Chrome Web Store) hoặc \`--store edge-add-ons\` (chỉ Edge).

   Các tệp được ghi vào \`deploy-out/\`: \`windows/\` (\`.reg\` và tập lệnh PowerShell gộp chính sách),
   \`admx/\` (mẫu Group Policy tiếng Việt và tiếng Anh), \`macos/\`, \`linux/\`, \`firefox/\`. Lệnh từ chối
   ghi chính sách cho một ID không phải của gói.
4. **Kiểm tra danh bạ.** Tên đơn vị, đường dây nóng và địa chỉ hỗ trợ của các tỉnh có sẵn lấy từ
   công văn 2019–2021; sau khi sáp nhập tỉnh năm 2025 nhiều địa chỉ đã đổi: sửa trong \`tinh.json\`.

### A. Máy Windows trong miền Active Directory (Group Policy)

Chrome và Edge chỉ cài bắt buộc tiện ích ngoài cửa hàng trên máy đã vào miền (hoặc Entra, hoặc đã
đăng ký quản lý trên đám mây), nên đây là con đường chính.

1. Tải mẫu chính sách của trình duyệt: *Chrome Enterprise bundle* của Google (\`chrome.admx\`,
   \`google.admx\`) và *Microsoft Edge policy files* (\`msedge.admx\`). Chép chúng cùng các mẫu của
   Khiên Thư (\`deploy-out/admx/khienthu-chrome.admx\`, \`khienthu-edge.admx\`, \`khienthu-coccoc.admx\`,
   \`khienthu-firefox.admx\` và hai thư mục \`vi-VN\`, \`en-US\`) vào kho trung tâm
   \`\\\\<miền>\\SYSVOL\\<miền>\\Policies\\PolicyDefinitions\`.
2. Mở *Group Policy Management*, tạo một GPO và liên kết với OU chứa máy của cán bộ. Sửa GPO:
   *Computer Configuration → Policies → Administrative Templates*.
3. Cài tiện ích: *Google → Google Chrome → Extensions → Extension management settings*, bật, dán giá
   trị một dòng trong \`windows/chrome-<tên>.extension-settings.json\`. Với Edge: *Microsoft Edge →
   Extensions → Configure extension management settings*, giá trị trong
   \`windows/edge-<tên>.extension-settings.json\`. **Nếu GPO đã có giá trị này cho tiện ích
   khác, thêm mục của Khiên Thư vào cùng một JSON, đừng thay cả giá trị.**
4. Cấu hình của tỉnh: *Khiên Thư (Google Chrome)* và *Khiên Thư (Microsoft Edge)* trong cùng cây
   Administrative Templates: đơn vị, tên miền của đơn vị, đường dây nóng, địa chỉ báo cáo, ngưỡng…
   Mỗi mục có lời giải thích bằng tiếng Việt.
5. Trên máy thí điểm: \`gpupdate /force\`, mở \`chrome://policy\` (hoặc \`edge://policy\`), bấm *Tải lại
   chính sách* và kiểm tra \`ExtensionSettings\` có trạng thái *OK*; mục tiện ích (\`3rdparty\`) có mặt.
6. Máy lẻ chưa nhận GPO, hoặc khi không dùng kho ADMX: chạy với quyền quản trị
   \`powershell -ExecutionPolicy Bypass -File windows\\install-<tên>.ps1 -Browser chrome\` (hoặc \`edge\`,
   \`coccoc\`). Tập lệnh **gộp** mục của Khiên Thư vào \`ExtensionSettings\` và giữ các tiện ích khác;
   tệp \`.reg\` thì **thay** cả giá trị, chỉ dùng trên máy chưa có chính sách tiện ích nào.

### B. Máy Windows gia nhập Microsoft Entra ID (Intune)

1. *Intune admin center → Devices → Configuration → Create → Windows 10 and later → Settings catalog*.
   Thêm *Google Chrome → Extensions → Extension management settings* và/hoặc *Microsoft Edge →
   Extensions → Configure extension management settings*, dán giá trị trong
   \`windows/<trình duyệt>-<tên>.extension-settings.json\` như mục A.3.
2. Cấu hình của Khiên Thư: *Devices → Configuration → Import ADMX*, tải lên \`khienthu-chrome.admx\`
   với \`en-US/khienthu-chrome.adml\` (Intune đọc tệp ngôn ngữ en-US), tương tự cho Edge. Sau đó
   *Create → Templates → Imported Administrative templates* và đặt từng mục.
3. Nếu Intune không nhận mẫu, dùng *Devices → Scripts and remediations → Platform scripts* để chạy
   \`install-<tên>.ps1\` (chạy dưới tài khoản hệ thống, 64 bit).
4. Kiểm tra như mục A.5.

### C. Máy Windows không vào miền, không Entra

Trên các máy này Chrome và Edge **lặng lẽ bỏ qua** cài bắt buộc từ máy chủ của tỉnh. Chọn một trong hai:

- **Đăng ký quản lý trên đám mây.** Chrome: *Chrome Enterprise Core* (miễn phí, trước đây là Chrome
  Browser Cloud Management). Trong *admin.google.com → Chrome browser → Managed browsers* lấy mã đăng ký
  (enrollment token), ghi mã vào \`HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\CloudManagementEnrollmentToken\`
  (REG_SZ) trên mỗi máy (bằng tập lệnh), khởi động lại Chrome. Rồi ở *Chrome browser → Apps &
  extensions → Users & browsers*: *Add from custom URL* với ID và địa chỉ \`update.xml\`, chọn *Force
  install*, và dán cấu hình của tiện ích (đối tượng \`3rdparty.extensions.<ID>\` trong
  \`linux/<tên>.json\`) vào *Policy for extensions*. Edge: đăng ký máy vào Intune (mục B).
- **Cài từ cửa hàng.** Dùng trang của Khiên Thư trên Chrome Web Store (Chrome, Edge, Cốc Cốc) hoặc
  Edge Add-ons (Edge). Cửa hàng cho ID khác và không chấp nhận khóa \`key\` trong manifest: tạo bộ
  chính sách bằng \`npm run deploy -- --store chrome-web-store --id <ID trên cửa hàng> …\` rồi nhập
  \`windows/<trình duyệt>-<tên>.reg\` hoặc chạy \`install-<tên>.ps1\`. Cấu hình của tỉnh đi qua cùng
  khóa \`3rdparty\`. Kiểm tra trên máy thí điểm rằng \`chrome://policy\` không báo chính sách bị bỏ qua.

### D. Linux (Chromium, Chrome)

1. Chép \`linux/<tên>.json\` vào \`/etc/chromium/policies/managed/khienthu.json\` (Chromium của Debian,
   Ubuntu) hoặc \`/etc/opt/chrome/policies/managed/khienthu.json\` (Google Chrome), chủ sở hữu root,
   quyền 644 (mọi người đọc được, chỉ root ghi). Với nhiều máy: Ansible, Salt hoặc gói \`.deb\` của tỉnh.
2. Khởi động lại trình duyệt; \`chrome://policy\` cho thấy những gì đã đọc. Linux không đòi vào miền.
3. Lần chạy đầu ngay sau khi cài bắt buộc, Chromium có thể chưa trao cấu hình của tỉnh cho tiện ích
   (thấy trên Chromium 156): tiện ích chạy theo cấu hình mặc định của tỉnh cho tới lần khởi động sau.

### E. macOS (Chrome, Edge)

1. Nạp \`macos/<tên>.mobileconfig\` qua MDM (Jamf, Intune cho macOS, Mosyle…). Trên macOS, cài bắt buộc
   ngoài cửa hàng chỉ có hiệu lực trên máy được MDM quản lý.
2. Hồ sơ cài tiện ích vào Chrome và Edge và đặt cấu hình của tỉnh (\`com.google.Chrome.extensions.<ID>\`,
   \`com.microsoft.Edge.extensions.<ID>\`). Kiểm tra ở \`chrome://policy\`.

### F. Firefox (ESR và bản thường)

1. Firefox bản thường chỉ cài gói đã được Mozilla ký. Ký **một lần cho mỗi phiên bản**, dạng *unlisted*
   (không công khai) trên addons.mozilla.org, bằng tài khoản của dự án hoặc của tỉnh:
   \`unzip khienthu-<phiên bản>.xpi -d ff && npx web-ext sign --channel unlisted --source-dir ff --api-key … --api-secret …\`,
   rồi \`npm run release … --firefox-signed <tệp .xpi đã ký>\` (lệnh kiểm tra đúng phiên bản, ID
   \`${GECKO_ID}\` và địa chỉ cập nhật, rồi ghi mã băm vào \`updates.json\`).
2. Đưa \`.xpi\` đã ký và \`updates.json\` lên máy chủ của tỉnh.
3. Windows: mẫu chính sách của Mozilla (\`firefox.admx\`, *Extensions → Extension Management*) để cài,
   và \`khienthu-firefox.admx\` của Khiên Thư cho cấu hình. Hoặc chép \`firefox/<tên>.policies.json\` thành
   \`distribution\\policies.json\` trong thư mục cài Firefox; Linux: \`/etc/firefox/policies/policies.json\`.
4. Firefox ESR cũng dùng gói đã ký; gói chưa ký chỉ cài được khi tắt
   \`xpinstall.signatures.required\`, điều không nên làm trên máy của cán bộ.
5. Kiểm tra ở \`about:policies\` và \`about:addons\`.

### G. Cốc Cốc

Cốc Cốc dựa trên Chromium và đọc chính sách ở \`HKLM\\SOFTWARE\\Policies\\CocCoc\\CocCoc\` (khóa này lấy
từ các triển khai thực tế, không phải tài liệu của hãng). Nhập \`windows/coccoc-<tên>.reg\` hoặc chạy
\`install-<tên>.ps1 -Browser coccoc\`, rồi trên máy thí điểm kiểm tra **từng điểm**:

1. \`coccoc://policy\` liệt kê \`ExtensionSettings\` với trạng thái OK và mục \`3rdparty\` của Khiên Thư;
2. \`coccoc://extensions\` có Khiên Thư, ghi "do tổ chức của bạn cài đặt", đúng ID của gói;
3. trang tùy chọn của Khiên Thư hiện đường dây nóng và địa chỉ báo cáo của tỉnh, có khóa (do quản trị đặt);
4. mở hộp thư công vụ, gửi cho một hộp thư thử thư mẫu \`tests/e2e/mails/soctrang-quota-lure.eml\`:
   thư hiện băng cảnh báo đỏ; bấm "Báo cáo" gửi thư tới địa chỉ hỗ trợ;
5. khi có phiên bản mới trên máy chủ: \`coccoc://extensions\` → *Chế độ nhà phát triển* → *Cập nhật*, số
   phiên bản đổi.

Nếu điểm 1 hoặc 2 không đạt, Cốc Cốc không đọc chính sách trên máy đó: dùng Chrome hoặc Edge cho hộp
thư công vụ, và báo cho dự án.

### Kiểm tra trên máy thí điểm (mọi trình duyệt)

- trang chính sách của trình duyệt (\`chrome://policy\`, \`edge://policy\`, \`coccoc://policy\`,
  \`about:policies\`) không báo lỗi;
- trang tiện ích cho thấy Khiên Thư được cài bởi tổ chức, đúng ID, đúng phiên bản;
- trang tùy chọn của Khiên Thư liệt kê cấu hình đã nhận, giá trị bị từ chối (nếu có) và lý do;
- một thư mẫu lừa đảo hiện băng cảnh báo, một thư thường thì không;
- sau khi đưa lên phiên bản mới, máy nhận được trong vài giờ (hoặc bấm *Cập nhật* trên trang tiện ích).
`;
}

export function routesEn(): string {
  return `## Routes by kind of PC (English summary)

The Vietnamese section above is the step-by-step guide; in short:

- **Every route**: pick the package (your own key with \`npm run release\`, the project's package
  with ID \`${EXTENSION_ID}\`, or a store listing with the store's ID), then write the kit with
  \`npm run deploy\` (\`--release\`, or \`--store chrome-web-store|edge-add-ons --id <listing ID>\`). Every
  file names the ID of the package that is installed; the command refuses a mismatch.
- **Domain-joined Windows**: the browsers' ADMX plus ours in the central store; a GPO with
  *Extension management settings* (merge into an existing value) and the *Khiên Thư* settings;
  \`install-<name>.ps1\` for PCs outside the GPO.
- **Entra-joined Windows (Intune)**: Settings catalog for *Extension management settings*; our ADMX
  through *Import ADMX* (en-US ADML); the merge script as a platform script where that fails.
- **Windows neither domain- nor Entra-joined**: Chrome and Edge silently ignore an off-store
  force-install there. Enrol in Chrome Enterprise Core (\`CloudManagementEnrollmentToken\`) and
  force-install from a custom URL with the settings in *Policy for extensions*, or enrol in Intune
  (Edge), or install from the store listing with a \`--store\` kit.
- **Linux**: the JSON in \`/etc/chromium/policies/managed/\` or \`/etc/opt/chrome/policies/managed/\`.
- **macOS**: the \`.mobileconfig\` through an MDM (off-store force-installs need an MDM-managed Mac).
- **Firefox ESR and release**: a Mozilla-signed XPI (unlisted on AMO, once per version, then
  \`--firefox-signed\`), Mozilla's ADMX or \`policies.json\` for the install, ours for the settings.
- **Cốc Cốc**: the \`coccoc\` registry key is taken from deployments seen in the wild: check
  \`coccoc://policy\`, \`coccoc://extensions\`, the options page, a sample lure and an update on a
  pilot PC, and fall back to Chrome or Edge where it does not read the policy.
`;
}
