// What the kiosk says aloud, as data: per page, in Indonesian and English,
// what the page is and what to do, with the keypad in mind (5 chooses, 0
// repeats). The speech device only reads these sentences.
#include <array>
#include <string>

#include "kiosk/kiosk_app/kiosk_model.hpp"

namespace lpse::kiosk {

namespace {

struct PageWords {
  Step step;
  const char* id;
  const char* en;
};

constexpr PageWords kPages[] = {
    {Step::Attract, "Selamat datang di LPSE. Sentuh layar atau tekan lima untuk mengambil nomor antrian.",
     "Welcome to LPSE. Touch the screen or press five to take a queue number."},
    {Step::Service,
     "Pilih layanan. Tekan dua atau delapan untuk berpindah, lima untuk memilih. Bila Anda lansia, penyandang "
     "disabilitas, ibu hamil atau membawa anak kecil, pilih Prioritas lebih dulu.",
     "Choose a service. Press two or eight to move, five to choose. If you are elderly, have a disability, are "
     "pregnant or have a small child with you, choose Priority first."},
    {Step::Scan, "Tunjukkan kode QR formulir ke kamera, atau pilih isi sendiri.",
     "Show the request form's QR code to the camera, or choose to type your details."},
    {Step::Role, "Pilih peran Anda dan dokumen yang Anda bawa, lalu Lanjut.",
     "Choose your role and the documents you brought, then Next."},
    {Step::Details, "Isi nama, NIP bila ada, dan instansi Anda, lalu Lanjut.",
     "Enter your name, your NIP if you have one, and your agency, then Next."},
    {Step::Contact, "Isi nomor telepon, dan bila mau, e-mail dan keperluan, lalu Lanjut.",
     "Enter your phone number and, if you like, e-mail and purpose, then Next."},
    {Step::Confirm, "Periksa data Anda, centang persetujuan, lalu Ambil Nomor Antrian.",
     "Check your details, tick the consent, then Take a Queue Number."},
    {Step::Submitting, "Mohon tunggu, nomor Anda sedang dibuat.", "Please wait, your number is being made."},
    {Step::Ticket, "Nomor antrian Anda sudah dicetak.", "Your queue number has been printed."},
    {Step::TicketScan, "Tunjukkan kode QR pada tiket Anda ke kamera.", "Show the QR code on your ticket to the camera."},
    {Step::TicketStatus, "Ini status tiket Anda.", "This is where your ticket stands."},
};

constexpr std::array<const char*, 10> kDigitsId = {"nol", "satu", "dua", "tiga", "empat",
                                                   "lima", "enam", "tujuh", "delapan", "sembilan"};
constexpr std::array<const char*, 10> kDigitsEn = {"zero", "one", "two", "three", "four",
                                                   "five", "six", "seven", "eight", "nine"};

// "R-012" -> "R, nol, satu, dua": letters and digits one by one, as a
// visitor would match them against the display.
std::string spelled(const std::string& ticket, bool en) {
  std::string out;
  for (char c : ticket) {
    std::string word;
    if (c >= '0' && c <= '9') word = (en ? kDigitsEn : kDigitsId)[static_cast<std::size_t>(c - '0')];
    else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) word = std::string(1, c);
    else continue;
    out += (out.empty() ? "" : ", ") + word;
  }
  return out;
}

}  // namespace

std::string pageGuidance(Step step, std::string_view lang) {
  for (const auto& p : kPages)
    if (p.step == step) return lang == "en" ? p.en : p.id;
  return {};
}

std::string ticketGuidance(const std::string& ticket, const std::string& counter, int ahead, std::string_view lang) {
  const bool en = lang == "en";
  std::string s = (en ? "Your queue number is " : "Nomor antrian Anda ") + spelled(ticket, en) + ". ";
  if (!counter.empty()) s += (en ? "Please go to " : "Silakan menuju ") + counter + ". ";
  else s += en ? "Please wait to be called. " : "Silakan tunggu panggilan. ";
  if (ahead == 0) s += en ? "Nobody is ahead of you." : "Tidak ada yang mengantri di depan Anda.";
  else s += en ? std::to_string(ahead) + (ahead == 1 ? " person is" : " people are") + " ahead of you."
               : "Ada " + std::to_string(ahead) + " orang di depan Anda.";
  return s;
}

std::string helpGuidance(HelpState state, std::string_view lang) {
  const bool en = lang == "en";
  switch (state) {
    case HelpState::None: return {};
    case HelpState::Asking: return en ? "Calling a staff member." : "Memanggil petugas.";
    case HelpState::Raised:
      return en ? "The staff have been told. Please wait here; someone will come to you."
                : "Petugas sudah diberi tahu. Mohon tunggu di sini; petugas akan datang.";
    case HelpState::Coming:
      return en ? "A staff member is on the way to you." : "Petugas sedang menuju ke tempat Anda.";
    case HelpState::Failed:
      return en ? "The call for help could not be sent. Please go to the service desk, or try again."
                : "Panggilan bantuan tidak terkirim. Silakan datang ke meja layanan, atau coba lagi.";
  }
  return {};
}

std::string idleGuidance(int seconds, std::string_view lang) {
  return lang == "en" ? "The form will be cleared in " + std::to_string(seconds) +
                            " seconds. Press five or touch More time to continue."
                      : "Formulir akan dihapus dalam " + std::to_string(seconds) +
                            " detik. Tekan lima atau sentuh Tambah waktu untuk melanjutkan.";
}

}  // namespace lpse::kiosk
