#include "ui/DetectPage.h"

#include "client/AdminService.h"
#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "client/SecretStore.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace modelguard::ui {

namespace {

constexpr auto kCachedIdsSetting = "detect/cachedWatermarkGateways";
constexpr qint64 kMaxFileBytes = 64LL << 20;
constexpr int kWindowMargin = 5000;  ///< characters highlighted beyond the visible part
constexpr int kMaxHighlights = 4000; ///< per window

QString sourceText(WatermarkKeyring::Source source)
{
    switch (source) {
    case WatermarkKeyring::Source::Gateway:
        return DetectPage::tr("from the gateway");
    case WatermarkKeyring::Source::Keychain:
        return DetectPage::tr("cached in the keychain");
    case WatermarkKeyring::Source::File:
        return DetectPage::tr("from a key file");
    }
    return {};
}

QString superscript(int n)
{
    static const char16_t digits[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString out;
    for (const QChar c : QString::number(n))
        out += c.isDigit() ? QChar(digits[c.digitValue()]) : c;
    return out;
}

/// UTF-16 positions of the evidence spans (byte offsets into the UTF-8 text), sorted by begin; payload runs are
/// widened to the word they are attached to, so that the highlight is visible.
template <typename Highlight>
std::vector<Highlight> evidencePositions(const std::string& utf8, const QString& text,
                                         const std::vector<watermark::EvidenceSpan>& evidence)
{
    // utf16 index of every byte offset is monotone: walk the bytes once over the sorted offsets.
    std::vector<std::size_t> offsets;
    offsets.reserve(evidence.size() * 2);
    for (const auto& span : evidence) {
        offsets.push_back(std::min(span.begin, utf8.size()));
        offsets.push_back(std::min(span.end, utf8.size()));
    }
    std::vector<std::size_t> order(offsets.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<int> mapped(offsets.size(), 0);
    std::size_t byte = 0;
    int units = 0;
    for (const std::size_t i : order) {
        for (; byte < offsets[i]; ++byte) {
            const auto b = static_cast<unsigned char>(utf8[byte]);
            if ((b & 0xC0) != 0x80)
                units += b >= 0xF0 ? 2 : 1;
        }
        mapped[i] = units;
    }
    std::vector<Highlight> positions;
    positions.reserve(evidence.size());
    const int length = static_cast<int>(text.size());
    for (std::size_t i = 0; i < evidence.size(); ++i) {
        int begin = std::min(mapped[2 * i], length);
        const int end = std::min(mapped[2 * i + 1], length);
        if (evidence[i].kind == watermark::EvidenceSpan::Kind::PayloadRun) {
            bool visible = false;
            for (int p = begin; p < end && !visible; ++p)
                visible = text.at(p).isLetterOrNumber();
            while (!visible && begin > 0 && !text.at(begin - 1).isSpace() && end - begin < 200)
                --begin;
        }
        int stop = std::max(begin, end);
        // A selection must not end inside a grapheme cluster (a carrier code point attached to the last letter):
        // take the attached marks and format characters along, or the last letter is not drawn highlighted.
        while (stop < length) {
            const QChar c = text.at(stop);
            if (c.isHighSurrogate() && stop + 1 < length) {
                const char32_t cp = QChar::surrogateToUcs4(c, text.at(stop + 1));
                if (cp < 0xE0000 || cp > 0xE0FFF)
                    break;
                stop += 2;
            } else if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Other_Format) {
                ++stop;
            } else {
                break;
            }
        }
        positions.push_back(Highlight {begin, stop, evidence[i].kind});
    }
    std::stable_sort(positions.begin(), positions.end(),
                     [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
    return positions;
}

QString verdictWords(watermark::Verdict verdict)
{
    switch (verdict) {
    case watermark::Verdict::Watermarked:
        return DetectPage::tr("Watermarked");
    case watermark::Verdict::NotWatermarked:
        return DetectPage::tr("Not watermarked");
    case watermark::Verdict::TooShort:
        return DetectPage::tr("Too short to tell");
    }
    return {};
}

QString schemeWords(watermark::Scheme schemes)
{
    QStringList names;
    if (watermark::hasScheme(schemes, watermark::Scheme::Payload))
        names << DetectPage::tr("signed payload");
    if (watermark::hasScheme(schemes, watermark::Scheme::Lexical))
        names << DetectPage::tr("lexical");
    return names.isEmpty() ? DetectPage::tr("none") : names.join(QStringLiteral(", "));
}

QColor payloadAccent(const QPalette& palette)
{
    return isDark(palette) ? QColor(0x7f, 0xb0, 0xff) : QColor(0x1f, 0x5f, 0xd0);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// WatermarkKeyring

WatermarkKeyring::WatermarkKeyring(client::ConnectionManager* connections, QObject* parent)
    : QObject(parent)
    , m_connections(connections)
{ }

QString WatermarkKeyring::keychainName(const QString& gatewayId)
{
    return QStringLiteral("watermark:") + gatewayId;
}

void WatermarkKeyring::load(bool onlyMissing)
{
    const QStringList cached = QSettings().value(QLatin1String(kCachedIdsSetting)).toStringList();
    for (const QString& id : cached) {
        QCoro::connect(
            client::SecretStore::readDetailed(keychainName(id)), this,
            [this, id](const client::SecretStore::ReadResult& read) {
                if (read.secret) {
                    if (!m_entries.contains(id))
                        addKeyText(*read.secret, Source::Keychain);
                } else if (!read.error.isEmpty()) {
                    setProblem(id, tr("%1: the cached key cannot be read from the keychain (%2)").arg(id, read.error));
                }
            });
    }
    if (!m_connections)
        return;
    for (client::GatewayConnection* connection : m_connections->connections()) {
        if (connection->state() != client::GatewayConnection::State::Live)
            continue;
        if (onlyMissing && m_entries.contains(connection->gatewayId())
            && m_entries.value(connection->gatewayId()).source == Source::Gateway)
            continue;
        const QString name =
            connection->profile().name.isEmpty() ? connection->gatewayId() : connection->profile().name;
        const auto received = [this, name](const client::ApiReply& reply, const QString& failure) {
            if (reply.status == 403) {
                setProblem(name, tr("%1: this connection's token has the viewer role; fetching the "
                                    "watermark key needs an admin token")
                                     .arg(name));
                return;
            }
            if (!failure.isEmpty()) {
                setProblem(name, tr("%1: the watermark key could not be fetched (%2)").arg(name, failure));
                return;
            }
            const QString text = reply.json.object().value(QStringLiteral("key")).toString();
            const QString error = addKeyText(text, Source::Gateway, true);
            setProblem(name,
                       error.isEmpty() ? QString() : tr("%1: the gateway sent an unusable key (%2)").arg(name, error));
        };
        const QString path = QStringLiteral("/admin/v1/watermark/secret");
        if (m_service && !m_service->canWrite(connection)) {
            // Not attempted (and so not recorded): say why the key of this gateway is missing.
            setProblem(
                name,
                tr("%1: the watermark key cannot be fetched (%2)").arg(name, m_service->readOnlyReason(connection)));
            continue;
        }
        if (m_service) {
            client::AdminChange change;
            change.action = QStringLiteral("export_watermark_secret");
            change.target = QStringLiteral("watermark");
            change.method = "GET";
            change.path = path;
            change.recordResponse = false;
            QCoro::connect(m_service->apply(connection, change), this, [received](const client::AdminOutcome& outcome) {
                received(outcome.reply, outcome.ok() ? QString() : outcome.message);
            });
            continue;
        }
        QCoro::connect(connection->call("GET", path), this, [received](const client::ApiReply& reply) {
            received(reply, reply.ok() ? QString() : reply.error);
        });
    }
}

QString WatermarkKeyring::addKeyText(const QString& text, Source source, bool cacheIt)
{
    watermark::GatewayKey key;
    try {
        key = watermark::parseGatewayKey(text.toStdString());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    const QString id = QString::fromStdString(key.gatewayId);
    m_entries.insert(id, Entry {id, source, std::move(key)});
    if (cacheIt)
        cache(id, text);
    emit changed();
    return {};
}

void WatermarkKeyring::cache(const QString& gatewayId, const QString& text)
{
    QCoro::connect(client::SecretStore::write(keychainName(gatewayId), text), this,
                   [this, gatewayId](const QString& error) {
                       if (!error.isEmpty()) {
                           setProblem(gatewayId, tr("%1: the key is used for this session only; the keychain "
                                                    "could not store it (%2)")
                                                     .arg(gatewayId, error));
                           return;
                       }
                       QSettings settings;
                       QStringList ids = settings.value(QLatin1String(kCachedIdsSetting)).toStringList();
                       if (!ids.contains(gatewayId)) {
                           ids << gatewayId;
                           settings.setValue(QLatin1String(kCachedIdsSetting), ids);
                       }
                   });
}

void WatermarkKeyring::setProblem(const QString& who, const QString& text)
{
    if (text.isEmpty())
        m_problems.remove(who);
    else
        m_problems.insert(who, text);
    emit changed();
}

QList<WatermarkKeyring::Entry> WatermarkKeyring::entries() const
{
    QList<Entry> list = m_entries.values();
    std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.gatewayId < b.gatewayId; });
    return list;
}

std::vector<watermark::GatewayKey> WatermarkKeyring::keys() const
{
    std::vector<watermark::GatewayKey> keys;
    for (const Entry& e : entries())
        keys.push_back(e.key);
    return keys;
}

QStringList WatermarkKeyring::problems() const
{
    QStringList list = m_problems.values();
    list.sort();
    return list;
}

// ---------------------------------------------------------------------------------------------------------------
// DetectPage

DetectPage::DetectPage(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_keyring(new WatermarkKeyring(connections, this))
{
    setObjectName(QStringLiteral("DetectPage"));
    const int unit = spacingUnit(this);

    auto* heading = new QLabel(tr("Detect"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);

    m_keysLabel = new QLabel(this);
    m_keysLabel->setObjectName(QStringLiteral("detectKeys"));
    m_keysLabel->setWordWrap(true);
    m_keysLabel->setTextFormat(Qt::PlainText);
    auto* refreshKeys = new QPushButton(tr("Refresh keys"), this);
    refreshKeys->setToolTip(tr("Fetch the watermark key of every live connection (admin token needed)"));
    auto* addKey = new QPushButton(tr("Add key file…"), this);

    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("detectInput"));
    m_input->setPlaceholderText(tr("Paste or type the text to check, drop a text file here, or use Open…"));
    m_input->viewport()->installEventFilter(this);
    m_input->installEventFilter(this);
    m_input->setAcceptDrops(true);

    auto* open = new QPushButton(tr("Open…"), this);
    m_candidates = new QLineEdit(this);
    m_candidates->setObjectName(QStringLiteral("detectCandidates"));
    m_candidates->setPlaceholderText(tr("client ids, comma-separated"));
    m_candidates->setToolTip(tr("The clients the lexical watermark is tested for (the signed payload names its "
                                "client itself)"));
    m_detectButton = new QPushButton(tr("Detect"), this);
    m_detectButton->setObjectName(QStringLiteral("detectButton"));
    m_detectButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("detectCancel"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("detectBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(unit * 20);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("detectVerdict"));
    QFont verdictFont = m_verdict->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.3);
    verdictFont.setBold(true);
    m_verdict->setFont(verdictFont);
    m_verdict->setAutoFillBackground(true);
    m_verdict->setContentsMargins(unit, unit / 2, unit, unit / 2);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("detectDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_copyText = new QPushButton(tr("Copy report"), this);
    m_copyJson = new QPushButton(tr("Copy as JSON"), this);

    auto* keysRow = new QHBoxLayout;
    keysRow->addWidget(m_keysLabel, 1);
    keysRow->addWidget(refreshKeys);
    keysRow->addWidget(addKey);

    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(open);
    actionRow->addWidget(new QLabel(tr("Candidate clients:"), this));
    actionRow->addWidget(m_candidates, 1);
    actionRow->addWidget(m_busy);
    actionRow->addWidget(m_cancelButton);
    actionRow->addWidget(m_detectButton);

    auto* resultBox = new QVBoxLayout;
    resultBox->setSpacing(unit);
    resultBox->addWidget(m_verdict);
    resultBox->addWidget(m_details);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("detectLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    updateLegend();
    resultBox->addWidget(m_legend);
    auto* copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyText);
    copyRow->addWidget(m_copyJson);
    copyRow->addStretch(1);
    resultBox->addLayout(copyRow);
    resultBox->addStretch(1);
    auto* resultHost = new QWidget(this);
    resultHost->setLayout(resultBox);
    resultBox->setContentsMargins(0, 0, 0, 0);
    resultHost->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    resultHost->setMaximumWidth(fontMetrics().averageCharWidth() * 60);

    auto* body = new QHBoxLayout;
    body->setSpacing(unit * 2);
    body->addWidget(m_input, 1);
    body->addWidget(resultHost);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 3, unit * 3, unit * 3, unit * 3);
    layout->setSpacing(unit * 2);
    layout->addWidget(heading);
    layout->addLayout(keysRow);
    layout->addLayout(actionRow);
    layout->addLayout(body, 1);

    connect(refreshKeys, &QPushButton::clicked, m_keyring, &WatermarkKeyring::refresh);
    connect(addKey, &QPushButton::clicked, this, &DetectPage::addKeyFile);
    connect(open, &QPushButton::clicked, this, &DetectPage::openFile);
    connect(m_detectButton, &QPushButton::clicked, this, &DetectPage::detect);
    connect(m_cancelButton, &QPushButton::clicked, this, &DetectPage::cancel);
    connect(m_copyText, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(reportText()); });
    connect(m_copyJson, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(QString::fromUtf8(QJsonDocument(reportJson()).toJson())); });
    connect(m_candidates, &QLineEdit::textEdited, this, [this] { m_candidatesEdited = true; });
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        if (m_result)
            clearResult();
    });
    connect(m_keyring, &WatermarkKeyring::changed, this, &DetectPage::updateKeys);
    connect(m_input->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { applyHighlights(false); });
    if (m_store)
        connect(m_store, &client::FleetStore::changed, this, &DetectPage::prefillCandidates);
    if (connections) {
        connect(connections, &client::ConnectionManager::connectionStateChanged, this,
                [this](client::GatewayConnection* connection) {
                    if (connection->state() == client::GatewayConnection::State::Live)
                        m_keyring->refreshMissing();
                });
    }

    prefillCandidates();
    setRunning(false);
    clearResult();
    updateKeys();
    m_keyring->refresh();
}

DetectPage::~DetectPage() = default;

void DetectPage::updateLegend()
{
    const QPalette pal = palette();
    m_legend->setText(tr("Highlights: <span style=\"background:%1;color:%2\">&nbsp;green word&nbsp;</span> "
                         "<span style=\"background:%3;color:%4\">&nbsp;red word&nbsp;</span> "
                         "<span style=\"text-decoration:underline;color:%5\">signed payload</span>")
                          .arg(riskBackground(RiskBand::Low, pal).name(), riskForeground(RiskBand::Low, pal).name(),
                               riskBackground(RiskBand::Critical, pal).name(),
                               riskForeground(RiskBand::Critical, pal).name(), payloadAccent(pal).name()));
}

void DetectPage::prefillCandidates()
{
    if (m_candidatesEdited || !m_store)
        return;
    const QStringList ids = m_store->clientIds();
    if (ids == m_prefilledIds) // the same list until a client comes or goes: O(1)
        return;
    m_prefilledIds = ids;
    const QString text = ids.join(QStringLiteral(", "));
    if (m_candidates->text() != text) {
        m_candidates->setText(text);
        m_candidates->setCursorPosition(0); // show the start of a long list, not its end
    }
}

QStringList DetectPage::candidateList() const
{
    QStringList ids;
    for (const QString& part : m_candidates->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString id = part.trimmed();
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    return ids;
}

void DetectPage::updateKeys()
{
    QStringList parts;
    for (const WatermarkKeyring::Entry& e : m_keyring->entries())
        parts << tr("%1 (%2)").arg(e.gatewayId, sourceText(e.source));
    QString text = parts.isEmpty() ? tr("No watermark keys yet: connect to a gateway with an admin token, or add a "
                                        "key file.")
                                   : tr("Keys: %1").arg(parts.join(QStringLiteral(", ")));
    for (const QString& problem : m_keyring->problems())
        text += QLatin1Char('\n') + problem;
    m_keysLabel->setText(text);
    m_detectButton->setEnabled(!m_running && !m_keyring->entries().isEmpty());
}

void DetectPage::setRunning(bool running)
{
    m_running = running;
    m_busy->setVisible(running);
    m_cancelButton->setVisible(running);
    m_detectButton->setEnabled(!running && !m_keyring->entries().isEmpty());
    m_input->setReadOnly(running);
    if (running) {
        m_verdict->setText(tr("Checking…"));
        m_verdict->setPalette(palette());
        m_details->setText(
            tr("%n character(s) are being checked.", nullptr, static_cast<int>(m_input->document()->characterCount())));
    }
}

void DetectPage::detect()
{
    if (m_running)
        return;
    std::vector<watermark::GatewayKey> keys = m_keyring->keys();
    if (keys.empty()) {
        m_verdict->setText(QString());
        m_details->setText(tr("No watermark key is known: connect to a gateway with an admin token, or add a key "
                              "file."));
        return;
    }
    clearResult();
    const QString text = m_input->toPlainText();
    watermark::DetectOptions options;
    for (const QString& id : candidateList())
        options.candidateClients.push_back(id.toStdString());
    const quint64 generation = ++m_generation;
    setRunning(true);

    QPointer<DetectPage> guard(this);
    QThreadPool::globalInstance()->start([guard, generation, text, keys = std::move(keys),
                                          options = std::move(options)]() mutable {
        const std::string utf8 = text.toStdString();
        auto result =
            std::make_shared<watermark::DetectionResult>(watermark::Detector(std::move(keys)).detect(utf8, options));
        auto positions = std::make_shared<const Highlights>(evidencePositions<Highlight>(utf8, text, result->evidence));
        QMetaObject::invokeMethod(
            qApp,
            [guard, generation, result = std::move(result), positions = std::move(positions), text]() mutable {
                if (guard)
                    guard->onResult(generation, std::move(result), std::move(positions), std::move(text));
            },
            Qt::QueuedConnection);
    });
}

void DetectPage::cancel()
{
    if (!m_running)
        return;
    ++m_generation; // the worker's result is dropped when it arrives
    setRunning(false);
    m_verdict->setText(QString());
    m_details->setText(tr("Cancelled."));
    emit finished();
}

void DetectPage::onResult(quint64 generation, std::shared_ptr<watermark::DetectionResult> result,
                          std::shared_ptr<const Highlights> highlights, QString text)
{
    if (generation != m_generation)
        return;
    setRunning(false);
    m_result = std::move(result);
    m_highlights = std::move(highlights);
    m_resultText = std::move(text);
    showResult();
    applyHighlights(true);
    emit finished();
}

void DetectPage::clearResult()
{
    m_result.reset();
    m_highlights.reset();
    m_windowBegin = m_windowEnd = -1;
    m_resultText.clear();
    m_input->setExtraSelections({});
    m_verdict->setText(QString());
    m_verdict->setPalette(palette());
    m_details->setText(tr("Paste text and press Detect."));
    m_copyText->setEnabled(false);
    m_copyJson->setEnabled(false);
}

QString DetectPage::verdictText() const
{
    return m_result ? verdictWords(m_result->verdict) : QString();
}

QString DetectPage::pValueWords(double p)
{
    if (!(p < 0.5))
        return tr("very likely by accident (p = %1)").arg(QLocale().toString(p, 'g', 2));
    if (p >= 0.01)
        return tr("plausibly by accident (about 1 in %1)").arg(qRound(1.0 / p));
    if (p <= 0.0 || !std::isfinite(p))
        return tr("less than 1 in 10%1 chance by accident").arg(superscript(300));
    if (p >= 1e-4)
        return tr("about 1 in %1 chance by accident").arg(QLocale().toString(qRound(1.0 / p)));
    const int exponent = static_cast<int>(std::floor(-std::log10(p)));
    return tr("about 1 in 10%1 chance by accident").arg(superscript(exponent));
}

void DetectPage::showResult()
{
    if (!m_result)
        return;
    const watermark::DetectionResult& r = *m_result;
    RiskBand band = RiskBand::Elevated;
    if (r.verdict == watermark::Verdict::Watermarked)
        band = RiskBand::Critical; // a leak: the text came from our model
    else if (r.verdict == watermark::Verdict::NotWatermarked)
        band = RiskBand::Low;
    QPalette pal = palette();
    pal.setColor(QPalette::Window, riskBackground(band, palette()));
    pal.setColor(QPalette::WindowText, riskForeground(band, palette()));
    m_verdict->setPalette(pal);
    m_verdict->setText(verdictWords(r.verdict));
    m_details->setText(reportText().section(QLatin1Char('\n'), 1));
    m_copyText->setEnabled(true);
    m_copyJson->setEnabled(true);
}

QString DetectPage::reportText() const
{
    if (!m_result)
        return {};
    const watermark::DetectionResult& r = *m_result;
    QStringList lines;
    lines << tr("Verdict: %1").arg(verdictWords(r.verdict));
    if (r.gatewayId)
        lines << tr("Gateway: %1").arg(QString::fromStdString(*r.gatewayId));
    if (r.clientId)
        lines << tr("Client: %1").arg(QString::fromStdString(*r.clientId));
    if (r.issuedAtMinutes) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(qint64(*r.issuedAtMinutes) * 60).toLocalTime();
        lines << tr("Issued at: %1 (from the signed payload)").arg(QLocale().toString(at, QLocale::ShortFormat));
    }
    lines << tr("Schemes found: %1").arg(schemeWords(r.schemes));
    if (r.payloadCopies > 0)
        lines << tr("Signed payload: %n verified copy(ies)", nullptr, static_cast<int>(r.payloadCopies));
    if (r.scored > 0) {
        lines << tr("Lexical: %1 of %2 scored words green; %3").arg(r.green).arg(r.scored).arg(pValueWords(r.pValue));
        lines << tr("p-value: %1 (z = %2)").arg(QString::number(r.pValue, 'g', 3), QString::number(r.z, 'f', 1));
    } else {
        lines << tr("Lexical: no scored words");
    }
    if (!r.englishScorable)
        lines << tr("The text has (almost) no English words the lexical watermark can score.");
    return lines.join(QLatin1Char('\n'));
}

QJsonObject DetectPage::reportJson() const
{
    if (!m_result)
        return {};
    const watermark::DetectionResult& r = *m_result;
    QJsonObject o;
    o[QStringLiteral("verdict")] = QString::fromLatin1(watermark::verdictName(r.verdict));
    o[QStringLiteral("schemes")] = QString::fromLatin1(watermark::schemeName(r.schemes));
    o[QStringLiteral("p_value")] = r.pValue;
    o[QStringLiteral("z")] = r.z;
    o[QStringLiteral("scored")] = static_cast<qint64>(r.scored);
    o[QStringLiteral("green")] = static_cast<qint64>(r.green);
    o[QStringLiteral("gateway_id")] = r.gatewayId ? QJsonValue(QString::fromStdString(*r.gatewayId)) : QJsonValue();
    o[QStringLiteral("client_id")] = r.clientId ? QJsonValue(QString::fromStdString(*r.clientId)) : QJsonValue();
    o[QStringLiteral("issued_at_minutes")] =
        r.issuedAtMinutes ? QJsonValue(static_cast<qint64>(*r.issuedAtMinutes)) : QJsonValue();
    o[QStringLiteral("payload_copies")] = static_cast<qint64>(r.payloadCopies);
    o[QStringLiteral("english_scorable")] = r.englishScorable;
    QJsonArray candidates;
    for (const QString& id : candidateList())
        candidates.append(id);
    o[QStringLiteral("candidate_clients")] = candidates;
    return o;
}

void DetectPage::applyHighlights(bool force)
{
    if (!m_result || !m_highlights) {
        if (!m_input->extraSelections().isEmpty())
            m_input->setExtraSelections({});
        return;
    }
    const QWidget* viewport = m_input->viewport();
    const int top = m_input->cursorForPosition(QPoint(0, 0)).position();
    const int bottom = m_input->cursorForPosition(QPoint(viewport->width(), viewport->height())).position();
    if (!force && top >= m_windowBegin && bottom <= m_windowEnd)
        return;
    m_windowBegin = std::max(0, top - kWindowMargin);
    m_windowEnd = bottom + kWindowMargin;

    const QPalette pal = palette();
    QTextCharFormat green;
    green.setBackground(riskBackground(RiskBand::Low, pal));
    green.setForeground(riskForeground(RiskBand::Low, pal));
    QTextCharFormat red;
    red.setBackground(riskBackground(RiskBand::Critical, pal));
    red.setForeground(riskForeground(RiskBand::Critical, pal));
    QTextCharFormat run; // underlined only, so that the scored words' colours stay visible inside a run
    run.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    run.setUnderlineColor(payloadAccent(pal));

    QList<QTextEdit::ExtraSelection> words;
    QList<QTextEdit::ExtraSelection> payload;
    QTextDocument* doc = m_input->document();
    const int length = doc->characterCount() - 1;
    // Spans are short (a word, or a payload run and its word): start a little before the window.
    auto it = std::lower_bound(m_highlights->begin(), m_highlights->end(), m_windowBegin - 512,
                               [](const Highlight& h, int pos) { return h.begin < pos; });
    for (; it != m_highlights->end() && it->begin < m_windowEnd && words.size() + payload.size() < kMaxHighlights;
         ++it) {
        if (it->end <= it->begin || it->end <= m_windowBegin || it->end > length)
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(doc);
        sel.cursor.setPosition(it->begin);
        sel.cursor.setPosition(it->end, QTextCursor::KeepAnchor);
        switch (it->kind) {
        case watermark::EvidenceSpan::Kind::GreenWord:
            sel.format = green;
            words << sel;
            break;
        case watermark::EvidenceSpan::Kind::RedWord:
            sel.format = red;
            words << sel;
            break;
        case watermark::EvidenceSpan::Kind::PayloadRun:
            sel.format = run;
            payload << sel;
            break;
        }
    }
    m_input->setExtraSelections(payload + words);
}

int DetectPage::highlightCount() const
{
    return static_cast<int>(m_input->extraSelections().size());
}

QString DetectPage::loadFile(const QString& path)
{
    QFile file(path);
    if (file.size() > kMaxFileBytes)
        return tr("%1 is larger than 64 MiB.").arg(QFileInfo(path).fileName());
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    m_input->setPlainText(text);
    return {};
}

void DetectPage::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open text"), QString(),
                                                      tr("Text files (*.txt *.md *.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = loadFile(path); !error.isEmpty())
        m_details->setText(error);
}

void DetectPage::addKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add watermark key file"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024) {
        m_details->setText(tr("%1 cannot be read as a key file.").arg(QFileInfo(path).fileName()));
        return;
    }
    const QString error =
        m_keyring->addKeyText(QString::fromUtf8(file.readAll()), WatermarkKeyring::Source::File, true);
    if (!error.isEmpty())
        m_details->setText(tr("%1 is not a watermark key file: %2").arg(QFileInfo(path).fileName(), error));
}

bool DetectPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, [this] { applyHighlights(false); });
    if (watched == m_input->viewport() || watched == m_input) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDropEvent*>(event);
            if (drag->mimeData()->hasUrls() && !m_running) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            const QList<QUrl> urls = drop->mimeData()->urls();
            if (!urls.isEmpty() && urls.first().isLocalFile() && !m_running) {
                if (const QString error = loadFile(urls.first().toLocalFile()); !error.isEmpty())
                    m_details->setText(error);
                drop->acceptProposedAction();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DetectPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateLegend();
        applyHighlights(true);
        if (m_result)
            showResult();
    }
}

void WatermarkKeyring::setAdminService(client::AdminService* service)
{
    m_service = service;
    // A connection can become live before the local audit log has opened (its key comes from the keychain), and the
    // key export is refused until then: fetch what is missing once the log is open.
    if (service && service->audit()) {
        connect(service->audit(), &client::ConsoleAudit::openChanged, this, [this](bool open) {
            if (open)
                refreshMissing();
        });
    }
}

} // namespace modelguard::ui
