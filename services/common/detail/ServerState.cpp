#include "services/common/detail/ServerState.h"

#include <vector>

namespace modelguard::http::detail {

std::uint64_t ServerState::addSession(const std::shared_ptr<HttpSession>& session)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t id = m_nextId++;
    m_sessions.emplace(id, session);
    return id;
}

void ServerState::removeSession(std::uint64_t id)
{
    {
        std::lock_guard lock(m_mutex);
        m_sessions.erase(id);
    }
    m_idle.notify_all();
}

std::size_t ServerState::activeSessions() const
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

void ServerState::forEachSession(const std::function<void(const std::shared_ptr<HttpSession>&)>& f) const
{
    std::vector<std::shared_ptr<HttpSession>> live;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& entry : m_sessions) {
            if (auto session = entry.second.lock()) {
                live.push_back(std::move(session));
            }
        }
    }
    for (const auto& session : live) {
        f(session);
    }
}

bool ServerState::waitUntilIdle(std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, timeout, [this] { return m_sessions.empty(); });
}

} // namespace modelguard::http::detail
