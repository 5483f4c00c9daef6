#pragma once
// Method + path -> handler. A route path is either exact ("/v1/models") or has "{name}" segments that match one
// non-empty path segment each ("/admin/v1/clients/{client}/usage"). Immutable once the server has started (read
// concurrently by worker threads).

#include "services/common/HttpMessage.h"
#include "services/common/Responder.h"

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::http {

/// A route handler. It must send exactly one response through the Responder (the server answers 500 if it sends
/// none) and may be called concurrently from several threads for different connections.
using Handler = std::function<boost::asio::awaitable<void>(const HttpRequest&, Responder&)>;

/// Path parameters of a matched route: ("client", "acme"), in path order.
using PathParams = std::vector<std::pair<std::string, std::string>>;

class Router
{
public:
    /// Registers a route; a later registration of the same method and path replaces the earlier one. A segment
    /// "{name}" (the whole segment between slashes) is a parameter. Throws std::invalid_argument for a malformed
    /// pattern (a brace inside a segment, an empty or repeated name).
    void add(std::string method, std::string path, Handler handler);

    /// The handler for method and path, or nullptr. Exact routes win over parameterised ones; among parameterised
    /// routes the one with a literal segment where the other has a parameter (leftmost difference) wins. Parameter
    /// values are percent-decoded into `params` (if given); a value with invalid percent-encoding does not match.
    /// When nullptr and the path matches routes of other methods, `allowedMethods` (if given) receives them, so the
    /// caller can answer 405 instead of 404.
    const Handler* find(std::string_view method, std::string_view path,
                        std::vector<std::string>* allowedMethods = nullptr, PathParams* params = nullptr) const;

private:
    struct Segment
    {
        std::string text; ///< literal text, or the parameter name
        bool parameter = false;
    };
    struct Route
    {
        std::string method;
        std::string path;
        std::vector<Segment> segments; ///< empty for exact routes
        bool parameterised = false;
        Handler handler;
    };
    /// Matches a parameterised route; fills `params` when it matches.
    static bool matches(const Route& route, const std::vector<std::string_view>& pathSegments, PathParams* params);
    std::vector<Route> m_routes;
};

} // namespace modelguard::http
