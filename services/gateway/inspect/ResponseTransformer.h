#pragma once
// Rewriting of upstream OpenAI responses on their way to the client: the watermark (one embedder per choice; a
// StreamingEmbedder per choice for streams, so that the streamed text equals watermark::Embedder::embed of the
// whole choice text whatever the chunking), the output policy's logprob treatment (round / noise / cap), and the
// capture of usage and finish reason. Streams are parsed incrementally from arbitrary byte splits.

#include "core/policy/Logprobs.h"
#include "core/risk/RequestRecord.h"
#include "core/watermark/Watermark.h"
#include "services/gateway/inspect/RequestInspector.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace modelguard::gateway::inspect {

struct Usage
{
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
    bool reported = false; ///< the upstream sent a usage object
};

/// Largest SSE line or event accepted from upstream; beyond it the stream counts as malformed.
inline constexpr std::size_t kMaxStreamEventBytes = 8 * 1024 * 1024;

/// One instance per response; not thread-safe.
class ResponseTransformer
{
public:
    using EmbedderFactory = std::function<std::unique_ptr<watermark::StreamingEmbedder>()>; ///< empty = none

    /// clientIncludeUsage: what the client asked in stream_options.include_usage (InspectedRequest::
    /// clientIncludeUsage). When false, the usage-only chunk and the "usage": null fields that upstream adds because
    /// the gateway asked for usage are removed from the stream. Ignored for non-streaming bodies.
    ResponseTransformer(Endpoint endpoint, const policy::OutputPolicy& output, EmbedderFactory factory,
                        std::uint64_t noiseSeed, bool clientIncludeUsage = true);
    ~ResponseTransformer();
    ResponseTransformer(const ResponseTransformer&) = delete;
    ResponseTransformer& operator=(const ResponseTransformer&) = delete;

    /// Non-streaming body: the rewritten JSON, or nullopt when it is not JSON of the expected shape (an object
    /// with a "choices" array of objects; "data" array for embeddings, which are returned unchanged).
    std::optional<std::string> transformBody(std::string_view body);

    /// Streaming: feed upstream bytes split anywhere; returns the complete SSE events to forward now
    /// ("data: JSON\n\n"). When a choice's finish_reason arrives, the text its embedder still holds is emitted in a
    /// content chunk just before the finish chunk. "data: [DONE]" is forwarded (after flushing every open choice)
    /// as soon as it arrives; bytes after it are ignored. A malformed event (not a JSON object, or oversized)
    /// sets malformed(), and nothing more is forwarded.
    std::string pushStream(std::string_view upstreamBytes);
    /// Upstream EOF: an incomplete trailing event is discarded, and the text held by the embedders of choices that
    /// did not finish is flushed as content chunks. Returns "" when [DONE] was seen (it was forwarded already) or
    /// after malformed(). It never adds a [DONE] of its own.
    std::string finishStream();

    Usage usage() const;
    bool sawDone() const;
    bool malformed() const;
    /// Finish reason of choice 0 (or of the first choice that finished).
    risk::FinishReason finishReason() const;
    /// Unicode code points of completion text received from upstream (before the watermark), all choices.
    std::size_t completionChars() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::gateway::inspect
