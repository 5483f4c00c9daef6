#pragma once
// Deterministic embeddings: the sum of a fixed pseudo-random Gaussian vector per lower-cased token (so texts that
// share words have close embeddings, as with a real model) plus a small per-text component, scaled to unit length.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace modelguard::sim::upstream {

class Embedder
{
public:
    explicit Embedder(std::uint64_t seed)
        : m_seed(seed)
    { }
    /// Unit-length vector of `dimensions` floats; a pure function of (seed, model, text, dimensions).
    std::vector<float> embed(std::string_view model, std::string_view text, std::size_t dimensions) const;

private:
    std::uint64_t m_seed;
};

} // namespace modelguard::sim::upstream
