# External libraries, all from Debian 12 packages (installed by scripts/install.sh).
# Imported targets are GLOBAL so any module folder can link them.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET GLOBAL sqlite3)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET GLOBAL libsodium)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET GLOBAL libutf8proc)
pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET GLOBAL libhs)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET GLOBAL libqrencode)
pkg_check_modules(VIPS REQUIRED IMPORTED_TARGET GLOBAL vips)       # photo attachments: decode, strip metadata, thumbnails
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET GLOBAL xlsxwriter)  # case export to Excel
find_library(PHONENUMBER_LIB phonenumber REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET GLOBAL icu-uc icu-i18n)  # confusable skeletons (uspoof), IDN
pkg_check_modules(PSL REQUIRED IMPORTED_TARGET GLOBAL libpsl)            # registered domains (Public Suffix List)
