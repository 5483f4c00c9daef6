#include "services/sim/upstream/Embedder.h"

#include "services/sim/upstream/SimHash.h"
#include "services/sim/upstream/SimTokenizer.h"

#include <cmath>
#include <string>

namespace modelguard::sim::upstream {

std::vector<float> Embedder::embed(std::string_view model, std::string_view text, std::size_t dimensions) const
{
    std::vector<double> sum(dimensions, 0.0);
    const std::uint64_t modelKey = hashCombine(mix64(m_seed), hashBytes(model));
    auto addVector = [&](std::uint64_t key, double weight) {
        for (std::size_t i = 0; i < dimensions; ++i) {
            sum[i] += weight * gaussian(hashCombine(key, i));
        }
    };
    for (const std::string_view token : SimTokenizer::split(text)) {
        std::string lower(token);
        for (char& c : lower) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        addVector(hashCombine(modelKey, hashBytes(lower)), 1.0);
    }
    addVector(hashCombine(modelKey ^ 0x7E47ull, hashBytes(text)), 0.3);
    double norm = 0;
    for (const double v : sum) {
        norm += v * v;
    }
    norm = std::sqrt(norm);
    std::vector<float> out(dimensions);
    for (std::size_t i = 0; i < dimensions; ++i) {
        out[i] = static_cast<float>(norm > 0 ? sum[i] / norm : 0.0);
    }
    return out;
}

} // namespace modelguard::sim::upstream
