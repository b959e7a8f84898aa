// `lpse form`: the request form "Formulir Permohonan Reset Password dan
// Informasi User ID" as a printable A4 PDF, filled (with the data's QR) from
// flags or a small TOML file, or blank. Needs no config file; with one, it
// prints the office's name and takes "today" in the office's time zone.
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <toml++/toml.h>
#include <vector>

#include "kiosk/apps/cli_command.hpp"
#include "kiosk/form/form_qr.hpp"
#include "kiosk/form_pdf/form_pdf.hpp"

namespace lpse::apps {

namespace {

// The data fields, by the names the flags and the input file share.
constexpr const char* kKeys[] = {"service", "role",         "name", "nip", "agency",
                                 "phone",   "email", "spse_user_id", "date"};

struct FormArgs {
  std::string out, input, office;
  bool blank = false, printQr = false;
  std::vector<std::pair<std::string, CLI::Option*>> flags;  // key -> its option
  std::vector<std::string> values = std::vector<std::string>(std::size(kKeys));
};

core::Error inputError(const std::string& path, const std::string& why, const std::string& field = "input") {
  return core::makeError("form_input", "Berkas isian " + path + ": " + why, "Input file " + path + ": " + why, field);
}

// key = "value" lines (TOML), every key one of kKeys, every value a string.
core::Status readInput(const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return inputError(path, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  toml::table tbl;
  try {
    tbl = toml::parse(text.str(), path);
  } catch (const toml::parse_error& e) {
    return inputError(path, "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  for (const auto& [key, node] : tbl) {
    const std::string k(key.str());
    bool known = false;
    for (const char* name : kKeys) known = known || k == name;
    if (!known) return inputError(path, "unknown key '" + k + "'", k);
    if (!node.is_string()) return inputError(path, "'" + k + "' must be a quoted string", k);
    out.emplace_back(k, std::string(*node.value<std::string>()));
  }
  return core::Ok{};
}

std::optional<core::VisitorRole> roleFrom(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (s == "pokja") s = "panitia";
  if (s == "admin-agency") s = "admin_agency";
  return core::visitorRoleFrom(s);
}

core::LocalDate today(const CliContext& ctx) {
  core::WorkingCalendar cal;  // WIB unless the config says otherwise
  if (auto cfg = ctx.config()) cal = cfg->office.calendar;
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return cal.localDate(now.count());
}

// Flags override the input file; every problem is collected, one per field.
std::vector<core::Error> buildForm(const CliContext& ctx, const FormArgs& a, form::FormData& d) {
  std::vector<std::pair<std::string, std::string>> given;
  if (!a.input.empty())
    if (auto st = readInput(a.input, given); !st) return {st.error()};
  for (std::size_t i = 0; i < a.flags.size(); ++i)
    if (a.flags[i].second->count() > 0) given.emplace_back(a.flags[i].first, a.values[i]);

  std::vector<core::Error> errors;
  auto bad = [&](const char* field, const std::string& id, const std::string& en) {
    errors.push_back(core::makeError("form_option", id, en, field));
  };
  d.date = today(ctx);
  for (const auto& [key, value] : given) {
    if (key == "service") {
      if (auto s = form::formServiceFrom(value)) d.service = *s;
      else bad("service", "Jenis permohonan harus reset atau userid.", "service must be reset or userid.");
    } else if (key == "role") {
      if (auto r = roleFrom(value)) d.role = *r;
      else
        bad("role", "Peran harus admin_agency, helpdesk, verifikator, ppk, panitia atau auditor.",
            "role must be admin_agency, helpdesk, verifikator, ppk, panitia or auditor.");
    } else if (key == "date") {
      if (auto day = core::LocalDate::parse(value)) d.date = *day;
      else bad("date", "Tanggal harus TTTT-BB-HH.", "date must be YYYY-MM-DD.");
    } else if (key == "name") d.name = value;
    else if (key == "nip") d.nip = value;
    else if (key == "agency") d.agency = value;
    else if (key == "phone") d.phone = value;
    else if (key == "email") d.email = value;
    else if (key == "spse_user_id") d.spseUserId = value;
  }
  if (!errors.empty()) return errors;
  errors = form::validateForm(form::canonicalForm(d));
  if (errors.empty())
    if (auto p = form::encodeFormQr(d); !p) errors.push_back(p.error());  // e.g. too long for the QR
  return errors;
}

int makeForm(const CliContext& ctx, const FormArgs& a) {
  form::FormPdfOptions options;
  options.officeName = a.office;
  if (options.officeName.empty())
    if (auto cfg = ctx.config()) options.officeName = cfg->office.name;

  std::optional<form::FormData> data;
  if (!a.blank) {
    form::FormData d;
    auto errors = buildForm(ctx, a, d);
    for (const auto& e : errors) std::fprintf(stderr, "lpse: %s: %s\n", e.field.c_str(), e.en.c_str());
    if (!errors.empty()) return 1;
    data = form::canonicalForm(d);
  }
  if (a.printQr) std::printf("%s\n", data ? form::encodeFormQr(*data)->c_str() : form::encodeBlankFormQr().c_str());
  if (a.out.empty()) return 0;
  if (auto st = form::writeFormPdf(a.out, data, options); !st) return fail(st.error());
  std::printf("wrote %s (%s)\n", a.out.c_str(), data ? "filled" : "blank");
  return 0;
}

}  // namespace

void registerFormCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<FormArgs>();
  auto* cmd = app.add_subcommand("form", "Print the request form (A4 PDF) with the applicant's data in a QR code");
  cmd->add_option("--out,-o", args->out, "PDF file to write");
  cmd->add_option("--input,-i", args->input, "TOML file with the fields (name = \"...\"; flags override it)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--blank", args->blank, "A blank form to fill in by hand (its QR only names the form)");
  cmd->add_flag("--print-qr", args->printQr, "Also print the QR payload on stdout");
  cmd->add_option("--office", args->office, "Office name in the header (default: the config's office.name)");
  const char* help[] = {"reset (password reset, default) or userid (user ID information)",
                        "admin_agency, helpdesk, verifikator, ppk (default), panitia or auditor",
                        "Full name with titles",
                        "NIP, 18 digits (optional)",
                        "Agency / work unit",
                        "Mobile number (08... or +62...)",
                        "E-mail address (optional)",
                        "SPSE user ID, if known (optional)",
                        "Form date YYYY-MM-DD (default: today)"};
  for (std::size_t i = 0; i < std::size(kKeys); ++i) {
    std::string flag = std::string("--") + kKeys[i];
    if (flag == "--spse_user_id") flag = "--user-id";
    args->flags.emplace_back(kKeys[i], cmd->add_option(flag, args->values[i], help[i]));
  }
  cmd->final_callback([&ctx, args] {
    if (args->out.empty() && !args->printQr) {
      ctx.exitCode = fail(core::makeError("form_out", "--out wajib diisi.", "--out FILE.pdf is required.", "out"));
      return;
    }
    bool fields = !args->input.empty();
    for (const auto& f : args->flags) fields = fields || f.second->count() > 0;
    if (args->blank && fields) {
      ctx.exitCode = fail(core::makeError("form_blank", "--blank tidak menerima isian.",
                                          "--blank takes no fields: a blank form is filled in by hand.", "blank"));
      return;
    }
    ctx.exitCode = makeForm(ctx, *args);
  });
}

}  // namespace lpse::apps
