#include "kiosk/report_export/report_tables.hpp"

#include <map>

namespace lpse::report {
namespace {

std::string periodText(const Period& p) {
  return p.from == p.to ? p.from.iso() : p.from.iso() + " s.d. " + p.to.iso();
}

Document base(const std::string& title, const Period& p, const DocumentHeader& h) {
  Document d;
  d.office = h.office;
  d.title = title;
  d.period = periodText(p);
  d.utcOffsetMinutes = h.utcOffsetMinutes;
  return d;
}

void durationCells(std::vector<Cell>& row, const Durations& d) {
  if (d.count == 0) {
    row.insert(row.end(), {Cell::empty(), Cell::empty(), Cell::empty()});
    return;
  }
  row.insert(row.end(), {Cell::number(d.meanMin), Cell::number(d.medianMin), Cell::number(d.p90Min)});
}

}  // namespace

std::string stateLabel(const std::string& state) {
  static const std::map<std::string, std::string> kLabels = {
      {"waiting", "menunggu"},           {"called", "dipanggil"},
      {"email_received", "e-mail masuk"}, {"checking", "diperiksa"},
      {"incomplete", "tidak lengkap"},    {"awaiting_documents", "melengkapi berkas"},
      {"at_admin_queue", "antre Admin PPE"}, {"verifying", "diverifikasi"},
      {"valid", "valid"},                {"invalid", "tidak valid"},
      {"result_ready", "hasil siap"},    {"notified", "hasil diteruskan"},
      {"archived", "diarsipkan"},        {"delivered", "selesai"},
      {"rejected", "ditolak"},           {"rejection_notified", "penolakan disampaikan"},
      {"no_show", "tidak hadir"},        {"cancelled", "dibatalkan"},
  };
  auto it = kLabels.find(state);
  return it == kLabels.end() ? state : it->second;
}

std::string channelLabel(const std::string& channel) {
  return channel == "email" ? "e-mail" : channel == "walk_in" ? "datang langsung" : channel;
}

std::string stepLabel(int step) {
  static const std::map<int, std::string> kSteps = {
      {3, "Nomor antrian"},         {4, "E-mail dibuka"},        {5, "Periksa kelengkapan"},
      {6, "Minta kelengkapan"},     {9, "Verifikasi berkas"},    {10, "Reset / cari user ID"},
      {11, "Pemberitahuan tolak"},  {12, "Teruskan hasil"},      {13, "Arsip berkas"},
      {14, "Serahkan hasil"},
  };
  auto it = kSteps.find(step);
  return std::to_string(step) + (it == kSteps.end() ? "" : " " + it->second);
}

Document registerDocument(const RegisterReport& r, const DocumentHeader& h) {
  Document d = base("Buku Tamu / Guest-book register", r.period, h);
  Table t;
  t.sheet = "Buku tamu";
  t.title = "Buku tamu: " + std::to_string(r.rows.size()) + " kunjungan (" + std::to_string(r.walkIn) +
            " datang langsung, " + std::to_string(r.email) + " e-mail)";
  t.columns = {"No", "Waktu", "Nama", "Instansi", "Peran", "Layanan", "Kanal", "Nomor antrian", "Hasil", "Kasus",
               "Prioritas"};
  t.widths = {0.5, 1.5, 2.2, 2.5, 1.0, 0.9, 1.2, 1.2, 1.6, 0.7, 1.3};
  int n = 0;
  for (const auto& row : r.rows) {
    t.rows.push_back({Cell::integer(++n), Cell::time(row.createdMs),
                      Cell::of(row.purged ? "(dihapus)" : row.name), Cell::of(row.agency), Cell::of(row.role),
                      Cell::of(row.service), Cell::of(channelLabel(row.channel)), Cell::of(row.ticket),
                      Cell::of(stateLabel(row.state)), Cell::integer(row.caseId),
                      Cell::of(core::priorityLabel(core::priorityCategoryFrom(row.priority).value_or(
                                                       core::PriorityCategory::None), "id"))});
  }
  d.tables.push_back(std::move(t));
  return d;
}

Document complianceDocument(const ComplianceReport& r, const DocumentHeader& h) {
  Document d = base("Kepatuhan Mutu Baku / Service-standard compliance", r.period, h);
  Table t;
  t.sheet = "Mutu baku";
  t.title = "Per langkah SOP (menit kerja)";
  t.columns = {"Langkah", "Kanal", "Standar (menit)", "Jumlah", "Median", "P90", "Dalam standar", "% dalam standar"};
  t.widths = {2.2, 1.3, 1.1, 0.9, 0.9, 0.9, 1.1, 1.2};
  for (const auto& row : r.rows) {
    std::vector<Cell> cells{Cell::of(stepLabel(row.step)),
                            Cell::of(channelLabel(std::string(core::toString(row.channel)))),
                            row.standardMin ? Cell::integer(row.standardMin) : Cell::of("hari kerja yang sama"),
                            Cell::integer(row.duration.count)};
    if (row.duration.count) {
      cells.insert(cells.end(), {Cell::number(row.duration.medianMin), Cell::number(row.duration.p90Min),
                                 Cell::integer(row.within), Cell::number(100.0 * row.share)});
    } else {
      cells.insert(cells.end(), {Cell::empty(), Cell::empty(), Cell::integer(0), Cell::empty()});
    }
    t.rows.push_back(std::move(cells));
  }
  d.tables.push_back(std::move(t));
  Table b;
  b.sheet = "Pelanggaran";
  b.title = "Melewati standar: " + std::to_string(r.breaches.size()) + " langkah";
  b.columns = {"Kasus", "Nomor antrian", "Kanal", "Langkah", "Mulai", "Durasi (menit)", "Standar (menit)", "Petugas"};
  b.widths = {0.8, 1.1, 1.3, 2.2, 1.6, 1.1, 1.1, 1.4};
  for (const auto& x : r.breaches)
    b.rows.push_back({Cell::integer(x.caseId), Cell::of(x.ticket),
                      Cell::of(channelLabel(std::string(core::toString(x.channel)))), Cell::of(stepLabel(x.step)),
                      Cell::time(x.startMs), Cell::number(x.minutes),
                      x.standardMin ? Cell::integer(x.standardMin) : Cell::of("hari kerja yang sama"),
                      Cell::of(x.staff)});
  d.tables.push_back(std::move(b));
  return d;
}

Document serviceDocument(const ServiceReport& r, const DocumentHeader& h) {
  Document d = base("Laporan Layanan / Service report", r.period, h);
  Table s;
  s.sheet = "Layanan";
  s.title = "Per layanan (menit kerja; * = semua)";
  s.columns = {"Layanan", "Kedatangan", "Datang langsung", "E-mail", "Dipanggil", "Tunggu rata-rata",
               "Tunggu median", "Tunggu P90", "Layan rata-rata", "Layan median", "Layan P90", "Tidak hadir",
               "% tidak hadir", "Panggil ulang", "Dialihkan", "Tak terlayani saat tutup", "Prioritas",
               "Tunggu prioritas median"};
  s.widths = {1.1, 1, 1, 0.8, 0.9, 1, 1, 0.9, 1, 1, 0.9, 0.9, 0.9, 0.9, 0.9, 1.2, 0.9, 1};
  for (const auto& x : r.services) {
    std::vector<Cell> row{Cell::of(x.service), Cell::integer(x.arrivals), Cell::integer(x.walkIn),
                          Cell::integer(x.email), Cell::integer(x.called)};
    durationCells(row, x.wait);
    durationCells(row, x.served);
    row.insert(row.end(), {Cell::integer(x.noShows), Cell::number(100.0 * x.noShowRate), Cell::integer(x.recalls),
                           Cell::integer(x.transfers), Cell::integer(x.unservedAtClose), Cell::integer(x.priority),
                           x.priorityWait.count ? Cell::number(x.priorityWait.medianMin) : Cell::empty()});
    s.rows.push_back(std::move(row));
  }
  d.tables.push_back(std::move(s));
  Table p;
  p.sheet = "Petugas";
  p.title = "Per petugas";
  p.columns = {"Petugas", "Dipanggil", "Tunggu rata-rata", "Tunggu median", "Tunggu P90", "Layan rata-rata",
               "Layan median", "Layan P90", "Panggil ulang", "Dialihkan", "Istirahat"};
  p.widths = {1.4, 0.9, 1, 1, 1, 1, 1, 1, 0.9, 0.9, 0.9};
  for (const auto& x : r.staff) {
    std::vector<Cell> row{Cell::of(x.staff), Cell::integer(x.called)};
    durationCells(row, x.wait);
    durationCells(row, x.served);
    row.insert(row.end(), {Cell::integer(x.recalls), Cell::integer(x.transfers), Cell::integer(x.breaks)});
    p.rows.push_back(std::move(row));
  }
  d.tables.push_back(std::move(p));
  Table a;
  a.sheet = "Kedatangan";
  a.title = "Kedatangan per 30 menit (datang langsung)";
  a.columns = {"Jam", "Kedatangan"};
  a.widths = {1, 1};
  for (const auto& x : r.slots) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", x.minuteOfDay / 60, x.minuteOfDay % 60);
    a.rows.push_back({Cell::of(buf), Cell::integer(x.arrivals)});
  }
  d.tables.push_back(std::move(a));
  return d;
}

Document personDocument(const std::vector<PersonEntry>& entries, const DocumentHeader& h) {
  Document d;
  d.office = h.office;
  d.title = "Data pribadi yang disimpan / Personal data held";
  d.utcOffsetMinutes = h.utcOffsetMinutes;
  d.period = std::to_string(entries.size()) + " entri buku tamu";
  Table e;
  e.sheet = "Buku tamu";
  e.title = "Entri buku tamu";
  e.columns = {"Entri", "Waktu", "Nama", "NIP", "Peran", "Instansi", "Telepon", "E-mail", "Keperluan", "User ID SPSE",
               "Persetujuan", "Dihapus"};
  e.widths = {0.5, 1.4, 1.6, 1.8, 0.8, 1.6, 1.2, 1.8, 1.5, 1, 0.9, 1.3};
  Table c;
  c.sheet = "Permohonan";
  c.title = "Permohonan";
  c.columns = {"Entri", "Kasus", "Nomor antrian", "Layanan", "Kanal", "Status", "Dibuat"};
  c.widths = {0.6, 0.6, 1, 1, 1.2, 1.6, 1.5};
  Table v;
  v.sheet = "Catatan langkah";
  v.title = "Langkah yang tercatat";
  v.columns = {"Kasus", "Waktu", "Langkah", "Oleh", "Peran", "Loket"};
  v.widths = {0.6, 1.5, 1.6, 1.2, 1, 1};
  Table n;
  n.sheet = "Catatan";
  n.title = "Catatan petugas";
  n.columns = {"Kasus", "Waktu", "Langkah", "Oleh", "Catatan"};
  n.widths = {0.6, 1.5, 1.2, 1, 4};
  for (const auto& p : entries) {
    for (const auto& note : p.notes)
      n.rows.push_back({Cell::integer(note.caseId), Cell::time(note.atMs), Cell::of(note.action),
                        Cell::of(note.actor), Cell::of(note.text)});
    const auto& x = p.visit;
    e.rows.push_back({Cell::integer(p.visitId), Cell::time(p.createdMs), Cell::of(x.name), Cell::of(x.nip),
                      Cell::of(std::string(core::toString(x.role))), Cell::of(x.agency), Cell::of(x.phone),
                      Cell::of(x.email), Cell::of(x.purpose), Cell::of(x.spseUserId),
                      Cell::of(p.consentWithdrawn ? "ditarik" : x.consent ? "ya" : "tidak"),
                      p.purged ? Cell::time(p.purgedMs) : Cell::empty()});
    for (const auto& k : p.cases)
      c.rows.push_back({Cell::integer(p.visitId), Cell::integer(k.id), Cell::of(k.ticket), Cell::of(k.service),
                        Cell::of(channelLabel(std::string(core::toString(k.channel)))),
                        Cell::of(stateLabel(std::string(core::toString(k.state)))), Cell::time(k.createdMs)});
    for (const auto& ev : p.events)
      v.rows.push_back({Cell::integer(ev.caseId), Cell::time(ev.atMs), Cell::of(ev.kind), Cell::of(ev.actor),
                        Cell::of(ev.role), Cell::of(ev.counter)});
  }
  d.tables = {std::move(e), std::move(c), std::move(v), std::move(n)};
  return d;
}

}  // namespace lpse::report
