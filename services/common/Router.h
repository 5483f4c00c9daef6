#pragma once
// Method + exact path -> handler. Immutable once the server has started (read concurrently by worker threads).

#include "services/common/HttpMessage.h"
#include "services/common/Responder.h"

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::http {

/// A route handler. It must send exactly one response through the Responder (the server answers 500 if it sends
/// none) and may be called concurrently from several threads for different connections.
using Handler = std::function<boost::asio::awaitable<void>(const HttpRequest&, Responder&)>;

class Router
{
public:
    /// Registers a route; a later registration of the same method and path replaces the earlier one.
    void add(std::string method, std::string path, Handler handler);

    /// The handler for method and path, or nullptr. When nullptr and the path exists with other methods,
    /// `allowedMethods` (if given) receives them, so the caller can answer 405 instead of 404.
    const Handler* find(std::string_view method, std::string_view path,
                        std::vector<std::string>* allowedMethods = nullptr) const;

private:
    struct Route
    {
        std::string method;
        std::string path;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace modelguard::http
