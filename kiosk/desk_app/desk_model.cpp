#include "kiosk/desk_app/desk_model.hpp"

namespace lpse::desk {

void DeskModel::signIn(StaffSession s) {
  m_session = std::move(s);
  m_signingIn = false;
  m_loginError.clear();
  m_message.clear();
}

void DeskModel::signOut(std::string reason) {
  m_session.reset();
  m_signingIn = false;
  m_loginError = std::move(reason);
  m_current.reset();
  m_devices.clear();
  m_board = {};
  m_online = false;
  m_busy = false;
  m_queueEmpty = false;
  m_message.clear();
}

std::string DeskModel::queue() const {
  if (!m_session) return {};
  switch (m_session->role) {
    case core::ActorRole::Helpdesk: return "helpdesk";
    case core::ActorRole::AdminPpe: return "admin";
    default: return {};
  }
}

bool DeskModel::canCallNext() const {
  if (m_busy || !m_online || queue().empty()) return false;
  if (!m_current) return true;
  // Once the case is terminal or handed on (waiting in another queue), the
  // desk is free for the next visitor.
  const auto s = m_current->kase.state;
  return core::isTerminal(s) || m_current->allowed.empty() || s == core::CaseState::AtAdminQueue ||
         s == core::CaseState::AwaitingDocuments;
}

int DeskModel::waitingInMyQueue() const {
  if (queue() == "admin") return m_board.waitingAdmin;
  if (queue().empty()) return 0;
  int n = 0;
  for (const auto& [svc, count] : m_board.waiting) n += count;
  return n;
}

std::vector<core::DeviceStatus> DeskModel::alerts() const {
  std::vector<core::DeviceStatus> out;
  for (const auto& d : m_devices)
    if (!d.ok) out.push_back(d);
  return out;
}

std::optional<StepTimer> DeskModel::timer(std::int64_t nowMs) const {
  if (!m_current) return std::nullopt;
  auto step = core::stepInProgress(m_current->kase.state, m_current->kase.channel);
  if (!step) return std::nullopt;
  StepTimer t;
  t.step = *step;
  t.elapsedS = std::max<std::int64_t>(0, (nowMs - m_current->kase.stateMs) / 1000);
  t.standardMin = m_settings.standards.forStep(*step).value_or(0);
  return t;
}

}  // namespace lpse::desk
