#pragma once
// Route registration of the gateway's two listeners (DataPlane.cpp, AdminApi.cpp).

#include "services/common/HttpClient.h"
#include "services/common/Router.h"
#include "services/gateway/detail/Core.h"

#include <memory>
#include <string>

namespace modelguard::gateway::detail {

/// OpenAI-compatible routes: /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models.
void registerDataPlane(http::Router& router, Core& core, http::HttpClient& upstream, std::string upstreamKey);

/// /admin/v1/... REST and event stream, /metrics. The routes refer to the returned object: keep it alive as long as
/// the server that serves them.
std::shared_ptr<void> registerAdminApi(http::Router& router, Core& core);

} // namespace modelguard::gateway::detail
