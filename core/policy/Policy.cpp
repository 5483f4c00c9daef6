#include "core/policy/Policy.h"

#include <array>
#include <chrono>
#include <utility>

namespace modelguard::policy {

namespace {

template <typename E, std::size_t N>
std::optional<E> parseName(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [value, text] : table) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, text] : table) {
        if (v == value) {
            return text;
        }
    }
    return "unknown";
}

constexpr std::array<std::pair<LogprobsMode, std::string_view>, 6> kLogprobsModes {{
    {LogprobsMode::Allow, "allow"},
    {LogprobsMode::Cap, "cap"},
    {LogprobsMode::Round, "round"},
    {LogprobsMode::Noise, "noise"},
    {LogprobsMode::Strip, "strip"},
    {LogprobsMode::Deny, "deny"},
}};
constexpr std::array<std::pair<LogitBiasMode, std::string_view>, 5> kLogitBiasModes {{
    {LogitBiasMode::Allow, "allow"},
    {LogitBiasMode::Cap, "cap"},
    {LogitBiasMode::Strip, "strip"},
    {LogitBiasMode::Deny, "deny"},
    {LogitBiasMode::DenyWithLogprobs, "deny_with_logprobs"},
}};
constexpr std::array<std::pair<ActionKind, std::string_view>, 4> kActionKinds {{
    {ActionKind::None, "none"},
    {ActionKind::StripLogits, "strip_logits"},
    {ActionKind::Throttle, "throttle"},
    {ActionKind::Block, "block"},
}};

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) noexcept
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

std::int64_t monthStartOfDay(std::int64_t day, int addMonths) noexcept
{
    using namespace std::chrono;
    const year_month_day ymd {sys_days {days {day}}};
    year_month first = ymd.year() / ymd.month();
    first += months {addMonths};
    const sys_days start {first / std::chrono::day {1}};
    return static_cast<std::int64_t>(start.time_since_epoch().count()) * kDayMs;
}

} // namespace

std::string_view logprobsModeName(LogprobsMode mode) noexcept
{
    return nameOf(kLogprobsModes, mode);
}
std::optional<LogprobsMode> parseLogprobsMode(std::string_view name) noexcept
{
    return parseName(kLogprobsModes, name);
}
std::string_view logitBiasModeName(LogitBiasMode mode) noexcept
{
    return nameOf(kLogitBiasModes, mode);
}
std::optional<LogitBiasMode> parseLogitBiasMode(std::string_view name) noexcept
{
    return parseName(kLogitBiasModes, name);
}
std::string_view actionKindName(ActionKind kind) noexcept
{
    return nameOf(kActionKinds, kind);
}
std::optional<ActionKind> parseActionKind(std::string_view name) noexcept
{
    return parseName(kActionKinds, name);
}
std::string_view schemesName(watermark::Scheme schemes) noexcept
{
    return watermark::schemeName(schemes);
}
std::optional<watermark::Scheme> parseSchemes(std::string_view name) noexcept
{
    return watermark::parseScheme(name);
}

std::int64_t utcDayStart(std::int64_t timeMs) noexcept
{
    return floorDiv(timeMs, kDayMs) * kDayMs;
}
std::int64_t utcNextDayStart(std::int64_t timeMs) noexcept
{
    return utcDayStart(timeMs) + kDayMs;
}
std::int64_t utcMonthStart(std::int64_t timeMs) noexcept
{
    return monthStartOfDay(floorDiv(timeMs, kDayMs), 0);
}
std::int64_t utcNextMonthStart(std::int64_t timeMs) noexcept
{
    return monthStartOfDay(floorDiv(timeMs, kDayMs), 1);
}

} // namespace modelguard::policy
