#pragma once
// The Detect section: paste, drop or open text and check it for the ModelGuard watermark with the gateways' keys
// (fetched from every connected gateway, cached in the keychain so that detection also works offline). Detection
// runs on a worker thread; the verdict, the p-value in words, the attribution and the evidence highlighted in the
// text are shown, and the report can be copied as text or JSON.

#include "core/watermark/Watermark.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace modelguard::client {
class AdminService;
class ConnectionManager;
class FleetStore;
} // namespace modelguard::client

namespace modelguard::ui {

/// The watermark keys the console knows: fetched from connected gateways (GET /admin/v1/watermark/secret, admin
/// role), cached in the keychain as "watermark:<gateway_id>" (the cached ids are listed in QSettings), or loaded
/// from a key file. No widgets: usable without a window.
class WatermarkKeyring : public QObject
{
    Q_OBJECT
public:
    enum class Source { Gateway, Keychain, File };
    struct Entry
    {
        QString gatewayId;
        Source source = Source::Gateway;
        watermark::GatewayKey key;
    };

    explicit WatermarkKeyring(client::ConnectionManager* connections, QObject* parent = nullptr);

    /// Reads the cached keys from the keychain and fetches the key of every connection; changed() follows each.
    void refresh() { load(false); }
    /// Like refresh(), but fetches only the keys of gateways whose key did not come from that gateway yet this
    /// session (each fetch is an audited export, so reconnects do not repeat it).
    void refreshMissing() { load(true); }
    /// Adds a key in the key-file text format. Returns the error (empty on success); a bad key changes nothing.
    /// With cache = true the key is also stored in the keychain.
    QString addKeyText(const QString& text, Source source, bool cache = false);
    QList<Entry> entries() const;
    std::vector<watermark::GatewayKey> keys() const;
    /// Problems of the last refresh, one per gateway/connection (e.g. a viewer token).
    QStringList problems() const;

    static QString keychainName(const QString& gatewayId);

    /// Fetching a gateway's key is an admin action: with a service it goes through it (role check, local audit
    /// entry without the key itself).
    void setAdminService(client::AdminService* service);

signals:
    void changed();

private:
    void load(bool onlyMissing);
    void cache(const QString& gatewayId, const QString& text);
    void setProblem(const QString& who, const QString& text);

    QPointer<client::ConnectionManager> m_connections;
    QPointer<client::AdminService> m_service;
    QHash<QString, Entry> m_entries;
    QHash<QString, QString> m_problems;
};

class DetectPage : public QWidget
{
    Q_OBJECT
public:
    DetectPage(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent = nullptr);
    ~DetectPage() override;

    WatermarkKeyring* keyring() const { return m_keyring; }
    QPlainTextEdit* input() const { return m_input; }
    QLineEdit* candidatesEdit() const { return m_candidates; }

    /// Starts detection of the input's text (asynchronous; finished() follows, unless cancelled).
    void detect();
    void cancel();
    bool isRunning() const { return m_running; }
    /// Loads a text file into the input (CR LF → LF). Returns the error, empty on success.
    QString loadFile(const QString& path);

    /// The last result (nullptr before the first detection or after the text changed).
    const watermark::DetectionResult* result() const { return m_result.get(); }
    /// The verdict shown ("Watermarked", "Not watermarked", "Too short to tell"), empty when there is none.
    QString verdictText() const;
    /// The whole report as text and as JSON (empty when there is no result).
    QString reportText() const;
    QJsonObject reportJson() const;
    /// Number of evidence highlights currently set on the input.
    int highlightCount() const;

    /// "about 1 in 10⁹ chance by accident" and the like.
    static QString pValueWords(double p);

signals:
    void finished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void openFile();
    void addKeyFile();
    void updateKeys();
    void updateLegend();
    void prefillCandidates();
    void setRunning(bool running);
    /// An evidence span in UTF-16 positions of the text.
    struct Highlight
    {
        int begin = 0;
        int end = 0;
        watermark::EvidenceSpan::Kind kind = watermark::EvidenceSpan::Kind::GreenWord;
    };
    using Highlights = std::vector<Highlight>;

    void onResult(quint64 generation, std::shared_ptr<watermark::DetectionResult> result,
                  std::shared_ptr<const Highlights> highlights, QString text);
    void showResult();
    /// Sets the highlights of the spans around the visible part of the input (a window, so that a 1 MB text with
    /// 100,000 spans stays responsive); recomputed when the view scrolls out of the window or `force`.
    void applyHighlights(bool force);
    void clearResult();
    QStringList candidateList() const;

    QPointer<client::FleetStore> m_store;
    WatermarkKeyring* m_keyring = nullptr;
    QLabel* m_keysLabel = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QLineEdit* m_candidates = nullptr;
    QPushButton* m_detectButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_verdict = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_legend = nullptr;
    QPushButton* m_copyText = nullptr;
    QPushButton* m_copyJson = nullptr;
    bool m_candidatesEdited = false;
    QStringList m_prefilledIds; ///< the client ids the candidates were last prefilled with
    bool m_running = false;
    quint64 m_generation = 0;
    std::shared_ptr<watermark::DetectionResult> m_result;
    std::shared_ptr<const Highlights> m_highlights; ///< sorted by begin
    int m_windowBegin = -1;                         ///< the text range whose spans are highlighted
    int m_windowEnd = -1;
    QString m_resultText; ///< the text the result is about
};

} // namespace modelguard::ui
