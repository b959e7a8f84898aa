#pragma once
// `lpse form`'s output: the request form "Formulir Permohonan Reset Password
// dan Informasi User ID" as a printable A4 PDF, filled from FormData (with
// the data's QR) or blank (a QR that only says which form it is).
#include <optional>
#include <string>

#include "kiosk/core/error.hpp"
#include "kiosk/form/form_data.hpp"

namespace lpse::form {

struct FormPdfOptions {
  std::string officeName;  // the LPSE's name in the header; empty: a generic one
};

// Validates and encodes the data first (any error names the field); writes
// the file only when everything is right. `form` nullopt: the blank form.
core::Status writeFormPdf(const std::string& path, const std::optional<FormData>& form,
                          const FormPdfOptions& options = {});

}  // namespace lpse::form
