#pragma once
// Where the scam checker's data files live: data/scam/ under the working directory (the repo
// root, as `make run` and the tests use it), else beside the binary (<build>/../data/scam).
#include <string>

namespace antoan::scam {

// The directory holding patterns.tsv and model.bin; "data/scam" when neither exists.
std::string default_scam_data_dir();

}  // namespace antoan::scam
