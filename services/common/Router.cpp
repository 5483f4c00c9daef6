#include "services/common/Router.h"

#include <utility>

namespace modelguard::http {

void Router::add(std::string method, std::string path, Handler handler)
{
    for (Route& route : m_routes) {
        if (route.method == method && route.path == path) {
            route.handler = std::move(handler);
            return;
        }
    }
    m_routes.push_back(Route {std::move(method), std::move(path), std::move(handler)});
}

const Handler* Router::find(std::string_view method, std::string_view path,
                            std::vector<std::string>* allowedMethods) const
{
    for (const Route& route : m_routes) {
        if (route.path == path && route.method == method) {
            return &route.handler;
        }
    }
    if (allowedMethods) {
        allowedMethods->clear();
        for (const Route& route : m_routes) {
            if (route.path == path) {
                allowedMethods->push_back(route.method);
            }
        }
    }
    return nullptr;
}

} // namespace modelguard::http
