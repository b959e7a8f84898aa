#pragma once
// Realistic request-form data shared by the form tests: the names, titles
// and agencies the LPSE helpdesk really sees.
#include <string>
#include <vector>

#include "kiosk/form/crc32.hpp"
#include "kiosk/form/form_data.hpp"

namespace lpse::form::test {

inline FormData sitiForm() {
  FormData d;
  d.service = FormService::Reset;
  d.role = core::VisitorRole::Ppk;
  d.name = "Dr. Ir. Hj. Siti Nur'aini, S.T., M.Eng.";
  d.nip = "19850315 201001 2 003";
  d.agency = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman";
  d.phone = "+62 812-3456-7890";
  d.email = "siti.nuraini@slemankab.go.id";
  d.spseUserId = "siti.nuraini85";
  d.date = {2026, 11, 26};
  return d;
}

// Non-ASCII letters, the phone apostrophe, ':' and '%' in the agency, and
// every optional field empty.
inline FormData unicodeForm() {
  FormData d;
  d.service = FormService::UserId;
  d.role = core::VisitorRole::Auditor;
  d.name = "Drs. Dédé Rosadé Nur\u2019aini-Ñúñez, M.Si.";
  d.agency = "Inspektorat: Bagian Pengawasan 100% \u00C9tude (Prov. Jawa Barat)";
  d.phone = "0857 1234 5678";
  d.date = {2028, 2, 29};
  return d;
}

inline std::vector<FormData> realisticForms() {
  std::vector<FormData> v{sitiForm(), unicodeForm()};
  FormData a;
  a.service = FormService::UserId;
  a.role = core::VisitorRole::Panitia;
  a.name = "I Gusti Ayu Ketut Widyaningsih, S.E.";
  a.nip = "199001012015032001";
  a.agency = "Bagian Pengadaan Barang/Jasa Setda Kabupaten Badung";
  a.phone = "081337001122";
  a.email = "gustiayu.widya@badungkab.go.id";
  a.date = {2026, 1, 5};
  v.push_back(a);
  FormData b;
  b.role = core::VisitorRole::AdminAgency;
  b.name = "Muhammad Rizky Pratama";
  b.agency = "Kementerian Pekerjaan Umum dan Perumahan Rakyat";
  b.phone = "+6281122334455";
  b.email = "rizky.pratama@pu.go.id";
  b.spseUserId = "ADM_PUPR_01";
  b.date = {2026, 12, 31};
  v.push_back(b);
  return v;
}

// Every field at the kiosk's longest, all ASCII: the longest payload the
// kiosk's rules allow without non-ASCII letters (QR version 20).
inline FormData maximalAsciiForm() {
  FormData d;
  d.service = FormService::UserId;
  d.role = core::VisitorRole::AdminAgency;  // the longest role code
  d.name = std::string(100, 'a');
  d.nip = "198503152010012003";
  d.agency = std::string(150, 'x');
  d.phone = "0812345678901";  // 13 digits
  d.email = std::string(64, 'e') + "@" + std::string(63, 'd') + "." + std::string(63, 'd') + "." +
            std::string(58, 'd') + ".id";  // 254
  d.spseUserId = std::string(64, 'u');
  d.date = {2026, 11, 26};
  return d;
}

// A payload body sealed with a correct checksum: lets a test put one wrong
// field past the integrity check and see the parser name it.
inline std::string sealed(const std::string& body) { return body + ":" + hexUpper(crc32(body), 8); }

}  // namespace lpse::form::test
