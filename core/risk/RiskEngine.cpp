#include "core/risk/RiskEngine.h"

#include "core/crypto/Crypto.h"
#include "core/risk/ClientState.h"
#include "core/risk/Hashing.h"
#include "core/risk/PromptAnalyzer.h"
#include "core/risk/SybilIndex.h"

#include <arpa/inet.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <list>
#include <unordered_map>

namespace modelguard::risk {

using detail::ClientState;
using detail::LinkKind;
using detail::SybilIndex;
using detail::WindowCounters;

std::string_view actionName(Action a) noexcept
{
    switch (a) {
    case Action::None:
        return "none";
    case Action::StripLogits:
        return "strip_logits";
    case Action::Throttle:
        return "throttle";
    case Action::Block:
        return "block";
    }
    return "none";
}

namespace {

constexpr TimestampMs kMaxTime = 1'000'000'000'000'000LL; // keeps every time difference far from overflow
constexpr std::size_t kMaxIdBytes = 256;
constexpr std::size_t kMaxBiasEntriesRead = 4096;
constexpr double kHourMs = 3600.0 * 1000.0;
constexpr double kExtremeBias = 50.0;

std::string clientKey(const RequestRecord& r)
{
    std::string_view id = !r.clientId.empty() ? std::string_view(r.clientId)
                          : !r.keyId.empty()  ? std::string_view(r.keyId)
                                              : std::string_view("anonymous");
    if (id.size() <= kMaxIdBytes) {
        return std::string(id);
    }
    // Over-long ids: keep a prefix and a hash of the whole, so distinct ids stay distinct and memory stays bounded.
    char suffix[20];
    std::snprintf(suffix, sizeof suffix, "~%016llx", static_cast<unsigned long long>(detail::hashBytes(id)));
    return std::string(id.substr(0, kMaxIdBytes - 17)) + suffix;
}

std::uint64_t deriveSalt(const std::string& secret)
{
    const auto bytes = crypto::hkdfSha256(crypto::asBytes(secret), crypto::asBytes("modelguard-risk"),
                                          crypto::asBytes("minhash-salt"), 8);
    std::uint64_t salt = 0;
    for (auto b : bytes) {
        salt = (salt << 8) | b;
    }
    return salt;
}

/// Network of an address: /24 for IPv4 (and IPv4-mapped IPv6), /48 for IPv6. 0 when unparseable.
struct Network
{
    std::uint64_t key = 0;
    std::string label;
};

Network networkOf(const std::string& ip)
{
    if (ip.empty() || ip.size() > 64) {
        return {};
    }
    std::string text = ip;
    if (text.front() == '[') { // "[v6]" or "[v6]:port"
        const auto close = text.find(']');
        text = close == std::string::npos ? std::string() : text.substr(1, close - 1);
    } else if (std::count(text.begin(), text.end(), ':') == 1) { // "v4:port"
        text = text.substr(0, text.find(':'));
    }
    unsigned char buf[16];
    char label[64];
    if (inet_pton(AF_INET, text.c_str(), buf) == 1) {
        std::snprintf(label, sizeof label, "%u.%u.%u.0/24", buf[0], buf[1], buf[2]);
        const std::uint64_t v = (std::uint64_t {buf[0]} << 16) | (std::uint64_t {buf[1]} << 8) | buf[2];
        return {detail::mix64(v ^ 0x4000000000000000ULL), label};
    }
    if (inet_pton(AF_INET6, text.c_str(), buf) == 1) {
        static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::equal(buf, buf + 12, kMapped)) {
            std::snprintf(label, sizeof label, "%u.%u.%u.0/24", buf[12], buf[13], buf[14]);
            const std::uint64_t v = (std::uint64_t {buf[12]} << 16) | (std::uint64_t {buf[13]} << 8) | buf[14];
            return {detail::mix64(v ^ 0x4000000000000000ULL), label};
        }
        std::uint64_t v = 0;
        for (int i = 0; i < 6; ++i) {
            v = (v << 8) | buf[i];
        }
        std::snprintf(label, sizeof label, "%x:%x:%x::/48", (buf[0] << 8) | buf[1], (buf[2] << 8) | buf[3],
                      (buf[4] << 8) | buf[5]);
        return {detail::mix64(v ^ 0x6000000000000000ULL), label};
    }
    return {};
}

std::string percent(double share)
{
    return std::to_string(static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * 100.0))) + "%";
}

std::string number(double v)
{
    char buf[32];
    if (!std::isfinite(v)) {
        return "many";
    }
    if (std::fabs(v) >= 100.0 || std::fabs(v - std::round(v)) < 1e-9) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f", v);
    }
    return buf;
}

std::string duration(TimestampMs ms)
{
    const double s = static_cast<double>(std::max<TimestampMs>(ms, 0)) / 1000.0;
    if (s < 120.0) {
        return number(std::round(s)) + " s";
    }
    if (s < 7200.0) {
        return number(std::round(s / 60.0)) + " min";
    }
    return number(std::round(s / 3600.0)) + " h";
}

double scoreOf(double evidence, double scale) noexcept
{
    return 100.0 * (1.0 - std::exp(-std::max(0.0, evidence) / scale));
}

int levelOf(Action a) noexcept
{
    return static_cast<int>(a);
}

} // namespace

struct RiskEngine::Impl
{
    explicit Impl(RiskConfig cfg)
        : config(std::move(cfg))
        , analyzer(deriveSalt(config.secret))
        , sybil(SybilIndex::Settings {config.maxLinks, std::max<TimestampMs>(config.linkTtlMs, 1),
                                      std::max(1.0, config.halfLifeHours) * kHourMs})
    {
        config.shortWindow = std::clamp<std::uint32_t>(config.shortWindow, 4, 100000);
        config.longWindow = std::clamp<std::uint32_t>(config.longWindow, config.shortWindow, 1000000);
        config.maxClients = std::max<std::size_t>(config.maxClients, 1);
        config.evidenceScale =
            std::isfinite(config.evidenceScale) && config.evidenceScale > 0 ? config.evidenceScale : 20.0;
        halfLifeMs =
            (std::isfinite(config.halfLifeHours) && config.halfLifeHours > 0 ? config.halfLifeHours : 6.0) * kHourMs;
        for (std::size_t s = 0; s < kWindowScales; ++s) {
            const auto scale = static_cast<WindowScale>(s);
            const auto n = config.calibration.combinedSampleCount(scale);
            drift[s] = n >= Calibration::kMinSamples
                           ? std::max(config.drift, std::log(2.0 * (static_cast<double>(n) + 1.0)) + config.driftMargin)
                           : config.drift;
        }
        rng = detail::hashBytes(config.secret, 0x7265736572766f69ULL);
        const double p0 = std::clamp(config.harvestRateBenign, 1e-6, 0.5);
        const double p1 = std::clamp(config.harvestRateAttack, p0 * 1.01, 0.99);
        harvestHit = std::log(p1 / p0);
        harvestMiss = std::log((1.0 - p1) / (1.0 - p0));
    }

    RiskConfig config;
    PromptAnalyzer analyzer;
    SybilIndex sybil;
    double halfLifeMs = 6.0 * kHourMs;
    std::array<double, kWindowScales> drift {};
    double harvestHit = 0.0;  ///< CUSUM step of a distillation-shaped request
    double harvestMiss = 0.0; ///< CUSUM step of any other request (negative)

    std::unordered_map<std::string, std::unique_ptr<ClientState>> clients;
    std::list<ClientState*> lru; ///< most recently seen first
    TimestampMs now = 0;

    // Calibration learning.
    Calibration learned;
    std::array<std::vector<std::array<float, kFeatureCount>>, kWindowScales> reservoir;
    std::array<std::uint64_t, kWindowScales> windowsSeen {};
    std::uint64_t rng = 0;

    std::uint64_t nextRandom() noexcept
    {
        rng += 0x9e3779b97f4a7c15ULL;
        return detail::mix64(rng);
    }

    ClientState& client(const std::string& id, TimestampMs t);
    void evict(TimestampMs t);
    void decay(ClientState& c, TimestampMs t) const noexcept;
    void updateLogit(ClientState& c, const RequestRecord& r, const PromptProfile& p, TimestampMs t, bool withLogprobs,
                     bool tiny, bool extreme);
    void closeWindow(ClientState& c, WindowScale scale, TimestampMs t, std::uint64_t network);
    std::array<double, kFeatureCount> features(const ClientState& c, const WindowCounters& w, WindowScale scale) const;
    double combined(WindowScale scale, const std::array<double, kFeatureCount>& values,
                    std::array<double, kFeatureCount>* perFeature) const;
    RiskAssessment assess(const ClientState& c, TimestampMs t, Action* action) const;
    /// Boundary probing scores from repeated hits that are also a large share of the client's recent requests, so
    /// that the occasional refusal of a high-volume benign application does not add up.
    double boundaryFloor(double hits, double requests) const noexcept
    {
        const double share = requests > 0 ? hits / requests : 0.0;
        const double weight = std::clamp((share - config.boundaryMinShare) / config.boundaryMinShare, 0.0, 1.0);
        return std::clamp((hits - config.boundaryFreeHits) * config.boundaryPointsPerHit * weight, 0.0, 95.0);
    }
};

ClientState& RiskEngine::Impl::client(const std::string& id, TimestampMs t)
{
    auto it = clients.find(id);
    if (it != clients.end()) {
        lru.splice(lru.begin(), lru, it->second->lruPosition);
        return *it->second;
    }
    evict(t);
    if (clients.size() >= config.maxClients) {
        ClientState* victim = lru.back();
        lru.pop_back();
        clients.erase(victim->id);
    }
    auto state = std::make_unique<ClientState>();
    state->id = id;
    lru.push_front(state.get());
    state->lruPosition = lru.begin();
    ClientState& ref = *state;
    clients.emplace(id, std::move(state));
    return ref;
}

void RiskEngine::Impl::evict(TimestampMs t)
{
    for (int i = 0; i < 4 && !lru.empty(); ++i) {
        ClientState* oldest = lru.back();
        if (t - oldest->lastSeen <= config.clientIdleTtlMs) {
            break;
        }
        lru.pop_back();
        clients.erase(oldest->id);
    }
}

void RiskEngine::Impl::decay(ClientState& c, TimestampMs t) const noexcept
{
    if (t <= c.evidenceTime) {
        return;
    }
    const double f = std::exp2(-static_cast<double>(t - c.evidenceTime) / halfLifeMs);
    c.cusum *= f;
    for (auto& e : c.featureEvidence) {
        e = static_cast<float>(e * f);
    }
    c.sweepFloor *= f;
    c.boundaryHits *= f;
    c.recentRequests *= f;
    c.harvestCusum *= f;
    c.harvestEvents *= f;
    c.evidenceTime = t;
}

void RiskEngine::Impl::updateLogit(ClientState& c, const RequestRecord& r, const PromptProfile& p, TimestampMs t,
                                   bool withLogprobs, bool tiny, bool extreme)
{
    // Slot per prompt; a slot idle for an hour is recycled.
    detail::LogitSlot* slot = nullptr;
    for (auto& s : c.logit) {
        if (s.requests != 0 && s.promptHash == p.exactHash && t - s.last <= 3600 * 1000) {
            slot = &s;
            break;
        }
    }
    if (slot == nullptr) {
        slot = &c.logit[0];
        for (auto& s : c.logit) {
            if (s.requests == 0 || s.last < slot->last) {
                slot = &s;
                if (s.requests == 0) {
                    break;
                }
            }
        }
        *slot = detail::LogitSlot {};
        slot->promptHash = p.exactHash;
        slot->first = t;
    }
    slot->last = t;
    ++slot->requests;
    slot->withLogprobs += withLogprobs ? 1 : 0;
    slot->tiny += tiny ? 1 : 0;
    slot->extreme += extreme ? 1 : 0;
    // Whole-map signature (order independent) and the token ids, over a bounded number of entries.
    std::uint64_t signature = r.logitBias.size();
    const std::size_t n = std::min(r.logitBias.size(), kMaxBiasEntriesRead);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& [token, bias] = r.logitBias[i];
        const std::uint64_t idHash = detail::mix64(static_cast<std::uint64_t>(token) ^ 0x1d8e4e27c47d124fULL);
        if (i < 256) {
            slot->idBits[(idHash >> 6) & 7] |= std::uint64_t {1} << (idHash & 63);
        }
        const double b = std::isfinite(bias) ? std::round(bias * 1000.0) / 1000.0 : 1e9;
        signature += detail::combine(idHash, std::bit_cast<std::uint64_t>(b + 0.0));
    }
    signature = detail::mix64(signature);
    slot->sigBits[(signature >> 6) & 7] |= std::uint64_t {1} << (signature & 63);

    // Decisive rule: many distinct logit_bias maps over the same prompt.
    const double maps = std::min(static_cast<double>(slot->requests), slot->distinctSignatures());
    if (maps < config.sweepMinRequests) {
        return;
    }
    const double requests = static_cast<double>(slot->requests);
    const bool readout = slot->withLogprobs * 2 >= slot->requests;
    const bool bisection = !readout && (slot->tiny * 2 >= slot->requests || slot->extreme * 2 >= slot->requests);
    double floor = 0.0;
    if (readout) {
        floor = 30.0 + 2.5 * maps; // 12 maps: 60, 20 maps: 80
    } else if (bisection) {
        floor = 25.0 + 2.0 * maps; // 18 maps: 61, 28 maps: 81
    } else {
        floor = 1.5 * maps;
    }
    floor = std::min(floor, 98.0);
    if (floor >= c.sweepFloor) {
        c.sweepFloor = floor;
        c.sweepRequests = static_cast<std::uint32_t>(requests);
        c.sweepSpan = t - slot->first;
        c.sweepIds = slot->distinctIds();
        c.sweepWithLogprobs = readout;
    }
}

std::array<double, kFeatureCount> RiskEngine::Impl::features(const ClientState& c, const WindowCounters& w,
                                                             WindowScale scale) const
{
    std::array<double, kFeatureCount> v {};
    const double n = std::max<double>(1.0, w.requests);
    auto set = [&v](Feature f, double x) { v[static_cast<std::size_t>(f)] = x; };
    set(Feature::LogitProbe, w.logitProbe / n);
    set(Feature::BiasExtreme, w.biasExtreme / n);
    set(Feature::TinyOutput, w.tinyOutput / n);
    set(Feature::TempZero, w.tempZero / n);
    set(Feature::MultiSample, w.multiSample / n);
    set(Feature::TemplateShare, w.templated / n);
    set(Feature::SingleTurn, w.singleTurn / n);
    set(Feature::Novelty, w.novel / n);
    set(Feature::NearDuplicate, w.nearDuplicate / n);
    set(Feature::ExactRepeat, w.exactRepeat / n);
    set(Feature::InstructLong, w.instructLong / n);
    set(Feature::StructuredOutput, w.structuredOutput / n);
    set(Feature::ChainOfThought, w.chainOfThought / n);
    set(Feature::Boundary, w.boundary / n);
    set(Feature::HarvestShape, w.harvestShape / n);
    const double hours = std::max(60000.0, static_cast<double>(w.last - w.start)) / kHourMs;
    const double rate = n / hours;
    set(Feature::RatePerHour, rate);
    set(Feature::RateVsOwn, (c.windowsClosed >= 2 && c.ownRate > 0) ? rate / c.ownRate : 1.0);
    set(Feature::TokenRate, static_cast<double>(w.completionTokens) / hours);
    double regularity = 0.0;
    if (w.gaps >= 3) {
        const double mean = w.gapSum / w.gaps;
        const double var = std::max(0.0, w.gapSumSq / w.gaps - mean * mean);
        regularity = mean <= 1e-9 ? 1.0 : 1.0 / (1.0 + std::sqrt(var) / mean);
    }
    set(Feature::Regularity, regularity);
    set(Feature::ActiveHours, std::popcount(c.activeHours & 0xFFFFFFu) / 24.0);
    set(Feature::OutputTokens, static_cast<double>(w.completionTokens) / n);
    set(Feature::OutputInputRatio,
        static_cast<double>(w.completionTokens) / std::max<double>(1.0, static_cast<double>(w.promptTokens)));
    const std::uint32_t minSample = scale == WindowScale::Short ? 16 : 64;
    set(Feature::Coverage, w.contentSampled >= minSample ? std::min(1.0, w.distinctContent() / w.contentSampled) : 0.0);
    return v;
}

double RiskEngine::Impl::combined(WindowScale scale, const std::array<double, kFeatureCount>& values,
                                  std::array<double, kFeatureCount>* perFeature) const
{
    double total = 0.0;
    for (const auto& info : featureTable()) {
        const auto f = static_cast<std::size_t>(info.feature);
        const double p = config.calibration.tailProbability(scale, info.feature, values[f]);
        // Only evidence beyond the feature's benign bulk counts, so that many slightly unusual features of a benign
        // window do not add up to one strong signal.
        const double z =
            info.weight * std::clamp(-std::log(p) - config.featureEvidenceFloor, 0.0, config.featureEvidenceCap);
        if (perFeature != nullptr) {
            (*perFeature)[f] = z;
        }
        total += z;
    }
    return total;
}

void RiskEngine::Impl::closeWindow(ClientState& c, WindowScale scale, TimestampMs t, std::uint64_t network)
{
    const auto s = static_cast<std::size_t>(scale);
    WindowCounters& w = scale == WindowScale::Short ? c.shortWindow : c.longWindow;
    if (scale == WindowScale::Short) {
        const auto [prefixKey, prefixCount] = c.prefixes.top();
        const auto [suffixKey, suffixCount] = c.suffixes.top();
        w.templated = std::max(prefixCount, suffixCount);
        c.longWindow.templated += w.templated;
        c.dominantSkeleton = w.templated * 2 >= w.requests
                                 ? (prefixCount >= suffixCount ? prefixKey : detail::combine(suffixKey, 0x5f))
                                 : 0;
        c.prefixes.clear();
        c.suffixes.clear();
    }
    const auto values = features(c, w, scale);
    std::array<double, kFeatureCount> z {};
    const double total = combined(scale, values, &z);

    if (config.learnCalibration) {
        std::array<float, kFeatureCount> sample {};
        for (std::size_t f = 0; f < kFeatureCount; ++f) {
            learned.learn(scale, static_cast<Feature>(f), values[f]);
            sample[f] = static_cast<float>(values[f]);
        }
        ++windowsSeen[s];
        auto& r = reservoir[s];
        if (r.size() < config.learnReservoir) {
            r.push_back(sample);
        } else if (!r.empty()) {
            const std::uint64_t j = nextRandom() % windowsSeen[s];
            if (j < r.size()) {
                r[j] = sample;
            }
        }
    }

    const double evidence = -std::log(config.calibration.combinedTailProbability(scale, total));
    const double step = evidence - drift[s];
    decay(c, t);
    if (step > 0) {
        for (std::size_t f = 0; f < kFeatureCount; ++f) {
            c.featureEvidence[f] += static_cast<float>(total > 0 ? step * z[f] / total : 0.0);
        }
    }
    c.cusum = std::max(0.0, c.cusum + step);
    if (c.cusum == 0.0) {
        c.featureEvidence.fill(0.0f);
    }
    for (std::size_t f = 0; f < kFeatureCount; ++f) {
        c.lastValue[s][f] = static_cast<float>(values[f]);
        c.lastEvidence[s][f] = static_cast<float>(z[f]);
    }
    c.lastWindowRequests[s] = w.requests;
    c.lastWindowSpan[s] = w.last - w.start;

    if (scale == WindowScale::Short) {
        const double rate = values[static_cast<std::size_t>(Feature::RatePerHour)];
        c.ownRate = c.windowsClosed == 0 ? rate : 0.8 * c.ownRate + 0.2 * rate;
        ++c.windowsClosed;
        if (config.sybilLinks) {
            const std::uint64_t tpl = c.dominantSkeleton;
            c.links = {tpl != 0 && network != 0 ? detail::combine(detail::combine(tpl, network), 1) : 0,
                       tpl != 0 ? detail::combine(tpl, 2) : 0, network != 0 ? detail::combine(network, 3) : 0};
            const LinkKind kinds[] = {LinkKind::TemplateAndNetwork, LinkKind::Template, LinkKind::Network};
            const std::uint64_t member = detail::hashBytes(c.id, 0x6d656d626572ULL);
            for (std::size_t i = 0; i < ClientState::kLinks; ++i) {
                if (c.links[i] == 0) {
                    continue;
                }
                double inc = std::max(-config.clusterNegativeCap, step);
                if (kinds[i] == LinkKind::TemplateAndNetwork
                    && sybil.members(c.links[i], t) + 1 >= config.clusterMinMembers) {
                    inc += config.clusterBonus;
                }
                sybil.contribute(c.links[i], kinds[i], member, inc, w.requests, t);
            }
        }
    }
    const TimestampMs next = w.last;
    w = WindowCounters {};
    w.start = next;
    w.last = next;
}

RiskAssessment RiskEngine::Impl::assess(const ClientState& c, TimestampMs t, Action* action) const
{
    const double f = t > c.evidenceTime ? std::exp2(-static_cast<double>(t - c.evidenceTime) / halfLifeMs) : 1.0;
    const double own = scoreOf(c.cusum * f, config.evidenceScale);
    // Light users never score from the harvest sequence alone: a handful of detailed questions is not harvesting.
    const double harvest =
        c.requests >= config.harvestMinRequests ? scoreOf(c.harvestCusum * f, config.evidenceScale) : 0.0;
    const double sweep = c.sweepFloor * f;
    const double boundary = boundaryFloor(c.boundaryHits * f, c.recentRequests * f);

    RiskAssessment a;
    a.clientId = c.id;
    a.requests = c.requests;
    double cluster = 0.0;
    std::size_t clusterLink = ClientState::kLinks;
    SybilIndex::LinkView clusterView;
    if (config.sybilLinks) {
        for (std::size_t i = 0; i < ClientState::kLinks; ++i) {
            if (c.links[i] == 0) {
                continue;
            }
            const auto view = sybil.view(c.links[i], t);
            if (!view || view->members < config.clusterMinMembers) {
                continue;
            }
            const double s = scoreOf(view->evidence, config.evidenceScale);
            if (s > cluster) {
                cluster = s;
                clusterLink = i;
                clusterView = *view;
            }
        }
    }
    if (clusterLink < ClientState::kLinks) {
        char id[40];
        static constexpr const char* kKinds[] = {"tn", "t", "n"};
        std::snprintf(id, sizeof id, "%s-%016llx", kKinds[clusterLink],
                      static_cast<unsigned long long>(c.links[clusterLink]));
        a.clusterId = id;
        a.clusterScore = cluster;
    }
    a.score = std::clamp(std::max({own, sweep, boundary, cluster, harvest}), 0.0, 100.0);

    // Action with hysteresis: raise at once, lower one level at a time only below threshold - margin.
    const double thresholds[] = {-1.0, config.thresholds.strip, config.thresholds.throttle, config.thresholds.block};
    int target = 0;
    for (int lvl = 3; lvl >= 1; --lvl) {
        if (a.score >= thresholds[lvl]) {
            target = lvl;
            break;
        }
    }
    int level = levelOf(c.action);
    if (target >= level) {
        level = target;
    } else {
        while (level > target && a.score < thresholds[level] - config.hysteresisMargin) {
            --level;
        }
    }
    a.action = static_cast<Action>(level);
    if (action != nullptr) {
        *action = a.action;
    }

    if (a.score < 1.0) {
        return a;
    }
    // Explanation: candidates weighted by their share of the score.
    struct Candidate
    {
        double weight;
        int kind; // 0 sweep, 1 boundary, 2 cluster, 3 feature, 4 harvest sequence
        std::size_t feature;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(kFeatureCount + 3);
    if (sweep > 0.5) {
        candidates.push_back({sweep, 0, 0});
    }
    if (boundary > 0.5) {
        candidates.push_back({boundary, 1, 0});
    }
    if (cluster > 0.5) {
        candidates.push_back({cluster, 2, 0});
    }
    if (harvest > 0.5) {
        candidates.push_back({harvest, 4, 0});
    }
    double featureTotal = 0.0;
    for (auto e : c.featureEvidence) {
        featureTotal += e;
    }
    if (featureTotal > 0 && own > 0.5) {
        for (std::size_t i = 0; i < kFeatureCount; ++i) {
            if (c.featureEvidence[i] > 0) {
                candidates.push_back({own * c.featureEvidence[i] / featureTotal, 3, i});
            }
        }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& x, const Candidate& y) { return x.weight > y.weight; });
    double weightSum = 0.0;
    for (const auto& cand : candidates) {
        weightSum += cand.weight;
    }
    const std::size_t keep = std::min(candidates.size(), config.explanationSize);
    for (std::size_t i = 0; i < keep; ++i) {
        const auto& cand = candidates[i];
        Contribution contribution;
        contribution.points = weightSum > 0 ? a.score * cand.weight / weightSum : 0.0;
        switch (cand.kind) {
        case 0:
            contribution.feature = c.sweepWithLogprobs ? "logit_sweep" : "logit_bisection";
            contribution.sentence =
                c.sweepWithLogprobs
                    ? number(c.sweepRequests) + " requests with logit_bias and logprobs over the same prompt in "
                          + duration(c.sweepSpan) + " (" + number(std::round(c.sweepIds))
                          + " distinct biased token ids)"
                    : number(c.sweepRequests) + " requests over the same prompt with varying logit_bias values in "
                          + duration(c.sweepSpan) + ", without logprobs (bisection read-out)";
            break;
        case 1:
            contribution.feature = "boundary_probe";
            contribution.sentence = number(std::round(c.boundaryHits * f))
                                    + " recent requests ask for the system prompt, use jailbreak phrasing or were "
                                      "refused ("
                                    + number(c.refusals) + " refusals in total)";
            break;
        case 4:
            contribution.feature = "harvest_sequence";
            contribution.sentence = number(std::round(c.harvestEvents * f)) + " of the last "
                                    + number(std::round(c.recentRequests * f))
                                    + " requests (decayed counts) are single-turn requests for long, structured or "
                                      "step-by-step answers with a large token budget";
            break;
        case 2:
            contribution.feature = "sybil_cluster";
            contribution.sentence =
                std::string("one of ") + number(clusterView.members) + " keys sharing "
                + (clusterView.kind == LinkKind::TemplateAndNetwork ? "a prompt template and a source network"
                   : clusterView.kind == LinkKind::Template         ? "a prompt template"
                                                                    : "a source network")
                + ", " + number(static_cast<double>(clusterView.requests)) + " requests together, cluster score "
                + number(std::round(cluster));
            break;
        default: {
            const auto feature = static_cast<Feature>(cand.feature);
            contribution.feature = std::string(featureInfo(feature).id);
            const std::size_t s = c.lastEvidence[1][cand.feature] > c.lastEvidence[0][cand.feature] ? 1 : 0;
            const double v = c.lastValue[s][cand.feature];
            const std::string last = "of the last " + number(c.lastWindowRequests[s]) + " requests";
            switch (feature) {
            case Feature::LogitProbe:
                contribution.sentence = percent(v) + " " + last + " combine logit_bias with logprobs";
                break;
            case Feature::BiasExtreme:
                contribution.sentence = percent(v) + " " + last + " carry logit_bias values of magnitude 50 or more";
                break;
            case Feature::TinyOutput:
                contribution.sentence = percent(v) + " " + last + " ask for at most 2 output tokens";
                break;
            case Feature::TempZero:
                contribution.sentence = percent(v) + " " + last + " use temperature 0";
                break;
            case Feature::MultiSample:
                contribution.sentence = percent(v) + " " + last + " ask for several completions (n > 1)";
                break;
            case Feature::TemplateShare:
                contribution.sentence = percent(v) + " " + last + " reuse one prompt template";
                break;
            case Feature::SingleTurn:
                contribution.sentence = percent(v) + " " + last + " are single-turn";
                break;
            case Feature::Novelty:
                contribution.sentence = percent(v) + " " + last + " are new prompts, none a near-duplicate";
                break;
            case Feature::NearDuplicate:
                contribution.sentence = percent(v) + " " + last + " are near-duplicates of recent prompts";
                break;
            case Feature::ExactRepeat:
                contribution.sentence = percent(v) + " " + last + " repeat a recent prompt exactly";
                break;
            case Feature::InstructLong:
                contribution.sentence = percent(v) + " " + last + " ask for long or detailed output";
                break;
            case Feature::StructuredOutput:
                contribution.sentence = percent(v) + " " + last + " force an output format (JSON, list only, ...)";
                break;
            case Feature::ChainOfThought:
                contribution.sentence = percent(v) + " " + last + " ask for step-by-step or internal reasoning";
                break;
            case Feature::Boundary:
                contribution.sentence = percent(v) + " " + last + " were refused or probe the system prompt";
                break;
            case Feature::RatePerHour:
                contribution.sentence = number(v) + " requests per hour over the last " + duration(c.lastWindowSpan[s]);
                break;
            case Feature::RateVsOwn:
                contribution.sentence = "request rate " + number(v) + " times the client's usual rate";
                break;
            case Feature::TokenRate:
                contribution.sentence =
                    number(v) + " output tokens per hour over the last " + duration(c.lastWindowSpan[s]);
                break;
            case Feature::Regularity:
                contribution.sentence = "requests arrive at near-constant intervals (regularity " + number(v) + ")";
                break;
            case Feature::ActiveHours:
                contribution.sentence = "active in " + number(std::round(v * 24.0)) + " of the last 24 hours";
                break;
            case Feature::OutputTokens:
                contribution.sentence = number(v) + " output tokens per request on average";
                break;
            case Feature::OutputInputRatio:
                contribution.sentence = number(v) + " output tokens per prompt token";
                break;
            case Feature::Coverage:
                contribution.sentence = "prompts " + last + " span many topics (" + percent(v) + " distinct words)";
                break;
            case Feature::HarvestShape:
                contribution.sentence =
                    percent(v) + " " + last + " are single-turn requests for long, structured or step-by-step output";
                break;
            case Feature::Count:
                break;
            }
            break;
        }
        }
        a.explanation.push_back(std::move(contribution));
    }
    return a;
}

RiskEngine::RiskEngine(RiskConfig config)
    : m_impl(std::make_unique<Impl>(std::move(config)))
{ }

RiskEngine::~RiskEngine() = default;
RiskEngine::RiskEngine(RiskEngine&&) noexcept = default;
RiskEngine& RiskEngine::operator=(RiskEngine&&) noexcept = default;

RiskAssessment RiskEngine::observe(const RequestRecord& r)
{
    Impl& d = *m_impl;
    const std::string id = clientKey(r);
    TimestampMs t = std::clamp<TimestampMs>(r.time, 0, kMaxTime);
    d.now = std::max(d.now, t);
    ClientState& c = d.client(id, d.now);
    // The client's state is usually not in cache (many clients): request it now, so that the misses overlap with
    // the prompt analysis, which needs only the prompt.
    {
        const auto* bytes = reinterpret_cast<const char*>(&c);
        for (std::size_t off = 0; off < sizeof(ClientState); off += 64) {
            __builtin_prefetch(bytes + off, 1);
        }
    }
    const PromptProfile p = d.analyzer.analyze(r.prompt);

    t = std::max(t, c.lastSeen); // late records are clamped to the client's last time
    d.decay(c, t);

    // Pacing and activity.
    const std::int64_t hour = t / static_cast<TimestampMs>(kHourMs);
    if (c.requests == 0) {
        c.firstSeen = t;
        c.lastHour = hour;
        c.shortWindow.start = c.shortWindow.last = t;
        c.longWindow.start = c.longWindow.last = t;
        c.evidenceTime = t;
    } else {
        const double gap = static_cast<double>(t - c.lastSeen) / 1000.0;
        for (WindowCounters* w : {&c.shortWindow, &c.longWindow}) {
            ++w->gaps;
            w->gapSum += gap;
            w->gapSumSq += gap * gap;
        }
    }
    const std::int64_t shift = hour - c.lastHour;
    c.activeHours = shift >= 32 ? 0u : (c.activeHours << shift);
    c.activeHours |= 1u;
    c.lastHour = std::max(c.lastHour, hour);
    c.lastSeen = t;
    ++c.requests;

    // Parameters.
    const bool hasBias = !r.logitBias.empty();
    const bool withLogprobs = r.logprobs || r.topLogprobs > 0;
    bool extreme = false;
    for (std::size_t i = 0, n = std::min(r.logitBias.size(), kMaxBiasEntriesRead); i < n && !extreme; ++i) {
        const double b = r.logitBias[i].second;
        extreme = !std::isnan(b) && std::fabs(b) >= kExtremeBias;
    }
    const bool tiny = r.maxTokens >= 0 && r.maxTokens <= 2;
    const bool tempZero = std::isfinite(r.temperature) && r.temperature >= 0.0 && r.temperature <= 0.01;

    // Repeats and near-duplicates against the recent prompts.
    bool exactRepeat = false;
    bool nearDuplicate = false;
    const std::size_t recentN = std::min<std::size_t>(c.recentCount, ClientState::kRecent);
    for (std::size_t i = 0; i < recentN; ++i) {
        const auto& prev = c.recent[i];
        if (prev.exactHash == p.exactHash) {
            exactRepeat = true;
            break;
        }
    }
    if (!exactRepeat) {
        for (std::size_t i = 0; i < recentN && !nearDuplicate; ++i) {
            const auto [equal, used] = sketchAgreement(c.recent[i].sketch, p.sketch);
            nearDuplicate = used >= 4 ? equal * 5 >= used * 3 : (used > 0 && equal == used);
        }
    }
    auto& slot = c.recent[c.recentCount % ClientState::kRecent];
    slot.exactHash = p.exactHash;
    slot.sketch = p.sketch;
    ++c.recentCount;

    const bool probe = p.systemPromptProbe || p.jailbreak;
    const bool refused = r.refused || r.finishReason == FinishReason::ContentFilter;
    c.boundaryHits += (probe ? 1.0 : 0.0) + (refused ? 0.5 : 0.0);
    c.recentRequests += 1.0;
    c.refusals += refused ? 1 : 0;

    // Single-turn: one user message, possibly after a system message (the record only carries the count).
    const bool singleTurn = r.messageCount <= 2;
    // Distillation shape: a single-turn prompt that asks for long, structured or reasoned output with a large budget.
    const bool harvestShape = singleTurn && (p.instructLong || p.structuredOutput || p.chainOfThought)
                              && (r.maxTokens < 0 || r.maxTokens >= 1024);

    // Sequential test on distillation-shaped requests with a large budget and a long answer: per request, the
    // log-likelihood ratio of "a share harvestRateAttack of such requests" against the benign share harvestRateBenign.
    // It catches harvesting mixed into an otherwise benign key, where window statistics are diluted.
    const bool harvestEvent = harvestShape && (r.maxTokens < 0 || r.maxTokens >= 2048) && r.completed
                              && r.completionTokens >= d.config.harvestMinCompletionTokens;
    c.harvestEvents += harvestEvent ? 1.0 : 0.0;
    c.harvestCusum = std::max(0.0, c.harvestCusum + (harvestEvent ? d.harvestHit : d.harvestMiss));

    const std::uint64_t promptTokens =
        r.completed && r.promptTokens > 0 ? r.promptTokens : std::min<std::uint64_t>(r.prompt.size() / 4 + 1, 1u << 24);
    const std::uint64_t completionTokens = r.completed ? r.completionTokens : 0;

    for (WindowCounters* w : {&c.shortWindow, &c.longWindow}) {
        ++w->requests;
        w->logitProbe += (hasBias && withLogprobs) ? 1 : 0;
        w->biasExtreme += extreme ? 1 : 0;
        w->tinyOutput += tiny ? 1 : 0;
        w->tempZero += tempZero ? 1 : 0;
        w->multiSample += r.n > 1 ? 1 : 0;
        w->singleTurn += singleTurn ? 1 : 0;
        w->novel += (!exactRepeat && !nearDuplicate) ? 1 : 0;
        w->nearDuplicate += nearDuplicate ? 1 : 0;
        w->exactRepeat += exactRepeat ? 1 : 0;
        w->instructLong += p.instructLong ? 1 : 0;
        w->structuredOutput += p.structuredOutput ? 1 : 0;
        w->chainOfThought += p.chainOfThought ? 1 : 0;
        w->boundary += (probe || refused) ? 1 : 0;
        w->harvestShape += harvestShape ? 1 : 0;
        w->promptTokens += promptTokens;
        w->completionTokens += completionTokens;
        w->last = t;
        w->addContent(p);
    }
    c.prefixes.add(p.prefixHash);
    c.suffixes.add(p.suffixHash);

    if (hasBias) {
        d.updateLogit(c, r, p, t, withLogprobs, tiny, extreme);
    }

    if (c.shortWindow.requests >= d.config.shortWindow || c.longWindow.requests >= d.config.longWindow) {
        const std::uint64_t network = networkOf(r.sourceIp).key;
        if (c.shortWindow.requests >= d.config.shortWindow) {
            d.closeWindow(c, WindowScale::Short, t, network);
        }
        if (c.longWindow.requests >= d.config.longWindow) {
            d.closeWindow(c, WindowScale::Long, t, network);
        }
    }

    Action action = c.action;
    RiskAssessment a = d.assess(c, t, &action);
    c.action = action;
    c.lastScore = a.score;
    return a;
}

std::optional<RiskAssessment> RiskEngine::assessment(const std::string& clientId, TimestampMs now) const
{
    const auto it = m_impl->clients.find(clientId);
    if (it == m_impl->clients.end()) {
        return std::nullopt;
    }
    const ClientState& c = *it->second;
    return m_impl->assess(c, std::max(c.lastSeen, std::clamp<TimestampMs>(now, 0, kMaxTime)), nullptr);
}

std::size_t RiskEngine::clientCount() const noexcept
{
    return m_impl->clients.size();
}

std::optional<WindowFeatures> RiskEngine::lastWindow(const std::string& clientId, WindowScale scale) const
{
    const auto it = m_impl->clients.find(clientId);
    const auto s = static_cast<std::size_t>(scale);
    if (it == m_impl->clients.end() || it->second->lastWindowRequests[s] == 0) {
        return std::nullopt;
    }
    const ClientState& c = *it->second;
    WindowFeatures w;
    w.scale = scale;
    w.requests = c.lastWindowRequests[s];
    w.span = c.lastWindowSpan[s];
    for (std::size_t f = 0; f < kFeatureCount; ++f) {
        w.values[f] = c.lastValue[s][f];
        w.evidence[f] = c.lastEvidence[s][f];
    }
    return w;
}

std::size_t RiskEngine::linkCount() const noexcept
{
    return m_impl->sybil.size();
}

std::size_t RiskEngine::memoryBytes() const noexcept
{
    const Impl& d = *m_impl;
    std::size_t bytes = sizeof(Impl);
    // Per client: state, id storage beyond the inline buffer, hash node + key string, LRU list node, bucket.
    for (const auto& [id, state] : d.clients) {
        bytes += sizeof(ClientState) + sizeof(std::string) + 4 * sizeof(void*);
        if (id.capacity() > 15) {
            bytes += 2 * (id.capacity() + 1);
        }
    }
    bytes += d.clients.bucket_count() * sizeof(void*);
    bytes += d.sybil.memoryBytes();
    for (const auto& r : d.reservoir) {
        bytes += r.capacity() * sizeof(r[0]);
    }
    return bytes;
}

const RiskConfig& RiskEngine::config() const noexcept
{
    return m_impl->config;
}

Calibration RiskEngine::learnedCalibration() const
{
    const Impl& d = *m_impl;
    Calibration result = d.learned;
    // The combined statistic must be computed under the learned feature calibration, not the one in use.
    Impl shadow(d.config);
    shadow.config.calibration = result;
    for (std::size_t s = 0; s < kWindowScales; ++s) {
        const auto scale = static_cast<WindowScale>(s);
        for (const auto& sample : d.reservoir[s]) {
            std::array<double, kFeatureCount> values {};
            for (std::size_t f = 0; f < kFeatureCount; ++f) {
                values[f] = sample[f];
            }
            result.learnCombined(scale, shadow.combined(scale, values, nullptr));
        }
    }
    return result;
}

std::uint64_t RiskEngine::learnedWindows() const noexcept
{
    return m_impl->windowsSeen[0] + m_impl->windowsSeen[1];
}

} // namespace modelguard::risk
