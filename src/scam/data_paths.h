#pragma once
// Where the scam checker's data files live: data/scam/ under the working directory (the repo
// root, as `make run` and the tests use it), else beside the binary (<build>/../data/scam).
#include <string>

#include "core/error.h"

namespace antoan::scam {

// The directory holding patterns.tsv and model.bin; "data/scam" when neither exists.
std::string default_scam_data_dir();

// The bytes of one data file, or an internal Error naming `field` ("Không đọc được <what_vi> …").
Result<std::string> read_data_file(const std::string& path, const std::string& what_vi, const std::string& what_en,
                                   const char* field);

}  // namespace antoan::scam
