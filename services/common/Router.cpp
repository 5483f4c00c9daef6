#include "services/common/Router.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

namespace modelguard::http {

namespace {

/// Splits "/a/b/c" into "a", "b", "c" (the leading slash dropped; empty segments kept).
std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> segments;
    if (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    for (;;) {
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return segments;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::optional<std::string> percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) {
            return std::nullopt;
        }
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

} // namespace

void Router::add(std::string method, std::string path, Handler handler)
{
    Route route {std::move(method), std::move(path), {}, false, std::move(handler)};
    if (route.path.find('{') != std::string::npos || route.path.find('}') != std::string::npos) {
        route.parameterised = true;
        for (const std::string_view segment : splitPath(route.path)) {
            const bool opens = segment.find('{') != std::string_view::npos;
            const bool closes = segment.find('}') != std::string_view::npos;
            if (!opens && !closes) {
                route.segments.push_back(Segment {std::string(segment), false});
                continue;
            }
            if (segment.size() < 3 || segment.front() != '{' || segment.back() != '}'
                || segment.substr(1, segment.size() - 2).find_first_of("{}") != std::string_view::npos) {
                throw std::invalid_argument("malformed route segment '" + std::string(segment) + "' in " + route.path);
            }
            std::string name(segment.substr(1, segment.size() - 2));
            for (const Segment& existing : route.segments) {
                if (existing.parameter && existing.text == name) {
                    throw std::invalid_argument("repeated route parameter '" + name + "' in " + route.path);
                }
            }
            route.segments.push_back(Segment {std::move(name), true});
        }
    }
    for (Route& existing : m_routes) {
        if (existing.method == route.method && existing.path == route.path) {
            existing = std::move(route);
            return;
        }
    }
    m_routes.push_back(std::move(route));
}

bool Router::matches(const Route& route, const std::vector<std::string_view>& pathSegments, PathParams* params)
{
    if (route.segments.size() != pathSegments.size()) {
        return false;
    }
    PathParams values;
    for (std::size_t i = 0; i < pathSegments.size(); ++i) {
        const Segment& segment = route.segments[i];
        if (!segment.parameter) {
            if (segment.text != pathSegments[i]) {
                return false;
            }
            continue;
        }
        if (pathSegments[i].empty()) {
            return false;
        }
        std::optional<std::string> value = percentDecode(pathSegments[i]);
        if (!value || value->empty()) {
            return false;
        }
        values.emplace_back(segment.text, std::move(*value));
    }
    if (params) {
        *params = std::move(values);
    }
    return true;
}

const Handler* Router::find(std::string_view method, std::string_view path, std::vector<std::string>* allowedMethods,
                            PathParams* params) const
{
    for (const Route& route : m_routes) {
        if (!route.parameterised && route.path == path && route.method == method) {
            if (params) {
                params->clear();
            }
            return &route.handler;
        }
    }
    const std::vector<std::string_view> pathSegments = splitPath(path);
    const Route* best = nullptr;
    PathParams bestParams;
    // A literal segment beats a parameter at the leftmost position where two matching routes differ.
    auto moreSpecific = [](const Route& a, const Route& b) {
        for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
            if (a.segments[i].parameter != b.segments[i].parameter) {
                return !a.segments[i].parameter;
            }
        }
        return false;
    };
    for (const Route& route : m_routes) {
        if (!route.parameterised || route.method != method) {
            continue;
        }
        PathParams candidate;
        if (matches(route, pathSegments, &candidate) && (!best || moreSpecific(route, *best))) {
            best = &route;
            bestParams = std::move(candidate);
        }
    }
    if (best) {
        if (params) {
            *params = std::move(bestParams);
        }
        return &best->handler;
    }
    if (allowedMethods) {
        allowedMethods->clear();
        for (const Route& route : m_routes) {
            const bool match = route.parameterised ? matches(route, pathSegments, nullptr) : route.path == path;
            if (match
                && std::find(allowedMethods->begin(), allowedMethods->end(), route.method) == allowedMethods->end()) {
                allowedMethods->push_back(route.method);
            }
        }
    }
    return nullptr;
}

} // namespace modelguard::http
