// bench_console: performance of the console (issue 5) against real gateways. The real MainWindow, FleetStore and
// ConnectionManager follow G gateways with N active clients each; every gateway runs in its own bench_console_stack
// process (upstream simulator + gateway + paced HTTP clients on 127.0.0.1), so the memory and the event-loop lag
// measured here are the console's own. Targets: event-loop lag p99 <= 50 ms, resident memory <= 400 MiB, charts
// refreshed at >= 10 Hz, start to first paint < 1 s.
//
// How to run (the full size, 5 gateways x 2,000 clients, 60 s of measurement, is the default; about 10 minutes
// on 2 loaded cores, most of it the stacks creating 10,000 API keys):
//   QT_QPA_PLATFORM=offscreen bench_console
//   xvfb-run -a bench_console                     (the same on a virtual X server)
// A short run (about 2 minutes):
//   QT_QPA_PLATFORM=offscreen bench_console --gateways 2 --clients 300 --seconds 20 --baseline-seconds 10
// Options: --gateways G (5), --clients N (2000), --seconds S (60, measurement window), --interval-ms MS (15000,
// mean gap between two requests of one client), --baseline-clients B (100), --baseline-seconds S (30),
// --idle-seconds S (10), --ramp-timeout S (900), --stack-nice NI (10: the stacks run at a lower priority so that
// they do not take the console's CPU; 0 = same priority), --stack PATH (default: bench_console_stack next to this
// program).
//
// What it measures, in this order, in one run:
//   1. start to first paint: from process start (kernel start time) and from main() to the end of the main window's
//      first paint (the first Paint event of the window, then the next turn of the event loop);
//   2. idle: event-loop lag with no connection (a 10 ms precise timer; lag = actual interval - 10 ms);
//   3. baseline: 1 gateway x B clients; 4. full: G gateways x N clients. Each of 3 and 4 starts its stacks, connects
//      (transient connections, nothing saved), waits until every connection is Live and every client is in the
//      FleetStore, then measures for S seconds: event-loop lag (p50, p99, max, and the median of the p99 of each
//      10 s slice), usage events received per second, FleetStore change signals per second, Overview chart updates
//      per second (points replaced in the requests chart) and chart repaints per second (paint events of its
//      viewport), VmRSS (max over the window, sampled every second) and VmHWM; after the window, the cost of one
//      full Overview refresh + synchronous repaint (median of 20), which bounds the refresh rate the page can hold.
// The Overview page is shown (the window is show()n; with the offscreen platform widgets paint like on a screen).
// Figures are printed as a table with ratios full/baseline and PASS/MISS against the targets. The chart target
// (>= 10 Hz) is read as: what arrives is in the charts within 100 ms (p99 of the time from a live event applied to
// the store, the connection's eventReceived(), to the requests chart's points being replaced; the page redraws only
// when the data changed, at most every 100 ms), and one Overview refresh + repaint costs less than 100 ms (so the
// page could redraw 10 times a second).
// Exit code: 0 when every target passes, 1 when one is missed, 2 on bad options or when the stacks do not come up.

#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"
#include "ui/Theme.h"
#include "ui/TimeSeriesChart.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QLineSeries>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using modelguard::client::ConnectionManager;
using modelguard::client::FleetStore;
using modelguard::client::GatewayConnection;
using modelguard::ui::MainWindow;

const auto kMainEntered = std::chrono::steady_clock::now();

struct Options
{
    int gateways = 5;
    int clients = 2000;
    int seconds = 60;
    int intervalMs = 15'000;
    int baselineClients = 100;
    int baselineSeconds = 30;
    int idleSeconds = 10;
    int rampTimeoutSeconds = 900;
    int stackNice = 10;
    QString stackPath;
};

bool parseArgs(const QStringList& args, Options& o)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (i + 1 >= args.size()) {
            return false;
        }
        const QString value = args[++i];
        bool ok = true;
        if (arg == QLatin1String("--gateways")) {
            o.gateways = value.toInt(&ok);
        } else if (arg == QLatin1String("--clients")) {
            o.clients = value.toInt(&ok);
        } else if (arg == QLatin1String("--seconds")) {
            o.seconds = value.toInt(&ok);
        } else if (arg == QLatin1String("--interval-ms")) {
            o.intervalMs = value.toInt(&ok);
        } else if (arg == QLatin1String("--baseline-clients")) {
            o.baselineClients = value.toInt(&ok);
        } else if (arg == QLatin1String("--baseline-seconds")) {
            o.baselineSeconds = value.toInt(&ok);
        } else if (arg == QLatin1String("--idle-seconds")) {
            o.idleSeconds = value.toInt(&ok);
        } else if (arg == QLatin1String("--ramp-timeout")) {
            o.rampTimeoutSeconds = value.toInt(&ok);
        } else if (arg == QLatin1String("--stack-nice")) {
            o.stackNice = value.toInt(&ok);
        } else if (arg == QLatin1String("--stack")) {
            o.stackPath = value;
        } else {
            return false;
        }
        if (!ok) {
            return false;
        }
    }
    return o.gateways > 0 && o.clients > 0 && o.seconds > 0 && o.intervalMs >= 10 && o.baselineClients > 0
           && o.baselineSeconds > 0 && o.idleSeconds > 0 && o.rampTimeoutSeconds > 0 && o.stackNice >= 0;
}

double msSince(std::chrono::steady_clock::time_point from)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - from).count();
}

/// Milliseconds since the kernel started this process (its start time in /proc/self/stat, clock ticks since boot).
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = stat.readAll();
    const auto close = text.lastIndexOf(')'); // the command name may hold spaces
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // Fields after the name start at field 3 (state); starttime is field 22.
    if (close < 0 || fields.size() < 20) {
        return -1;
    }
    const double startTicks = fields[19].toDouble();
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

/// A field of /proc/self/status in MiB ("VmRSS", "VmHWM").
double statusMiB(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

/// Runs the event loop for `ms` milliseconds.
void pump(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Runs the event loop until `done` holds (checked every `pollMs`) or `timeoutMs` passed; returns whether it held.
bool pumpUntil(const std::function<bool()>& done, int timeoutMs, int pollMs = 200)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        pump(pollMs);
    }
    return true;
}

/// Event-loop lag: a 10 ms precise timer; each tick records how late it came.
class LagProbe : public QObject
{
public:
    static constexpr int kPeriodMs = 10;

    LagProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kPeriodMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) {
                const double lag = static_cast<double>(now - m_last) / 1e6 - kPeriodMs;
                m_samples.push_back({static_cast<double>(now) / 1e6, std::max(0.0, lag)});
            }
            m_last = now;
        });
    }

    void start()
    {
        m_samples.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    struct Figures
    {
        double p50 = 0, p99 = 0, max = 0, medianSliceP99 = 0;
        std::size_t ticks = 0;
    };
    Figures figures() const
    {
        Figures f;
        std::vector<double> all;
        std::vector<std::vector<double>> slices;
        for (const auto& [atMs, lag] : m_samples) {
            all.push_back(lag);
            const auto slice = static_cast<std::size_t>(atMs / 10'000.0);
            if (slices.size() <= slice) {
                slices.resize(slice + 1);
            }
            slices[slice].push_back(lag);
        }
        f.ticks = all.size();
        f.p50 = percentile(all, 50);
        f.p99 = percentile(all, 99);
        f.max = all.empty() ? 0 : *std::max_element(all.begin(), all.end());
        std::vector<double> sliceP99;
        for (const auto& s : slices) {
            if (s.size() >= 100) {
                sliceP99.push_back(percentile(s, 99));
            }
        }
        f.medianSliceP99 = percentile(sliceP99, 50);
        return f;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::vector<std::pair<double, double>> m_samples; ///< (ms since start, lag ms)
};

/// Counts paint events of one widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget* target) { target->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            ++count;
        }
        return QObject::eventFilter(watched, event);
    }
};

/// Records the end of the window's first paint: the first Paint event of the window or a child, then the next turn
/// of the event loop (the paint pass and the flush are done by then).
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QWidget* window)
        : m_window(window)
    {
        qApp->installEventFilter(this);
    }
    double fromMainMs = -1;
    double fromProcessMs = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            auto* widget = qobject_cast<QWidget*>(watched);
            if (widget && widget->window() == m_window) {
                m_seen = true;
                QTimer::singleShot(0, this, [this] {
                    fromMainMs = msSince(kMainEntered);
                    fromProcessMs = msSinceProcessStart();
                    qApp->removeEventFilter(this);
                });
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget* m_window;
    bool m_seen = false;
};

/// One bench_console_stack process and the console's connection to its gateway.
struct Stack
{
    std::unique_ptr<QProcess> process;
    QString adminUrl;
    QString tokenFile;
    QString profileId;
    QPointer<GatewayConnection> connection;
    bool failed = false;
};

std::vector<std::unique_ptr<Stack>> startStacks(const Options& o, int count, int clients, const QString& tag)
{
    std::vector<std::unique_ptr<Stack>> stacks;
    for (int i = 0; i < count; ++i) {
        auto stack = std::make_unique<Stack>();
        stack->process = std::make_unique<QProcess>();
        auto* process = stack->process.get();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const int niceness = o.stackNice;
        process->setChildProcessModifier([niceness] {
            if (niceness > 0 && ::nice(niceness) == -1) {
                ::perror("nice");
            }
        });
        Stack* raw = stack.get();
        QObject::connect(process, &QProcess::readyReadStandardOutput, process, [raw] {
            while (raw->process->canReadLine()) {
                const QString line = QString::fromUtf8(raw->process->readLine()).trimmed();
                if (!line.startsWith(QLatin1String("READY "))) {
                    continue;
                }
                for (const QString& field : line.mid(6).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    const auto eq = field.indexOf(QLatin1Char('='));
                    if (field.left(eq) == QLatin1String("admin_url")) {
                        raw->adminUrl = field.mid(eq + 1);
                    } else if (field.left(eq) == QLatin1String("token_file")) {
                        raw->tokenFile = field.mid(eq + 1);
                    }
                }
            }
        });
        QObject::connect(process, &QProcess::finished, process, [raw] { raw->failed = true; });
        QObject::connect(process, &QProcess::errorOccurred, process, [raw] { raw->failed = true; });
        const QString prefix = QStringLiteral("%1%2-").arg(tag).arg(i + 1);
        process->start(o.stackPath,
                       {QStringLiteral("--clients"), QString::number(clients), QStringLiteral("--interval-ms"),
                        QString::number(o.intervalMs), QStringLiteral("--prefix"), prefix, QStringLiteral("--seed"),
                        QString::number(2026 + i)});
        stacks.push_back(std::move(stack));
    }
    return stacks;
}

void stopStacks(ConnectionManager& connections, std::vector<std::unique_ptr<Stack>>& stacks)
{
    for (auto& stack : stacks) {
        if (!stack->profileId.isEmpty()) {
            connections.remove(stack->profileId);
        }
    }
    for (auto& stack : stacks) {
        stack->process->closeWriteChannel();
        stack->process->terminate();
    }
    for (auto& stack : stacks) {
        if (!stack->process->waitForFinished(10'000)) {
            stack->process->kill();
            stack->process->waitForFinished(5'000);
        }
    }
    stacks.clear();
}

struct Phase
{
    QString name;
    int gateways = 0;
    int clients = 0;
    bool ok = false;
    double rampSeconds = 0;
    int clientsAtStart = 0, clientsAtEnd = 0;
    LagProbe::Figures lag;
    double usageEventsPerSec = 0, eventsPerSec = 0, storeChangesPerSec = 0, chartUpdatesPerSec = 0,
           chartPaintsPerSec = 0;
    double rssMaxMiB = 0, rssEndMiB = 0, hwmMiB = 0;
    double refreshCostMs = 0;
    double staleP50 = 0, staleP99 = 0; ///< store change -> chart updated, ms
};

int storeClientCount(const FleetStore& store)
{
    return static_cast<int>(store.clients().size());
}

/// Starts `gateways` stacks of `clients` clients, connects the console, waits until all are Live and all clients
/// are in the store, then measures for `seconds`.
Phase runPhase(const Options& o, const QString& name, const QString& tag, int gateways, int clients, int seconds,
               ConnectionManager& connections, FleetStore& store, MainWindow& window, LagProbe& probe)
{
    Phase phase;
    phase.name = name;
    phase.gateways = gateways;
    phase.clients = clients;
    std::fprintf(stderr, "[%s] starting %d stack(s) of %d clients\n", qUtf8Printable(name), gateways, clients);
    QElapsedTimer ramp;
    ramp.start();
    auto stacks = startStacks(o, gateways, clients, tag);
    const bool up = pumpUntil(
        [&] {
            return std::all_of(stacks.begin(), stacks.end(),
                               [](const auto& s) { return s->failed || !s->tokenFile.isEmpty(); });
        },
        60'000);
    if (!up || std::any_of(stacks.begin(), stacks.end(), [](const auto& s) { return s->failed; })) {
        std::fprintf(stderr, "[%s] a stack did not start\n", qUtf8Printable(name));
        stopStacks(connections, stacks);
        return phase;
    }
    for (auto& stack : stacks) {
        QFile tokenFile(stack->tokenFile);
        if (!tokenFile.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "[%s] cannot read %s\n", qUtf8Printable(name), qUtf8Printable(stack->tokenFile));
            stopStacks(connections, stacks);
            return phase;
        }
        modelguard::client::ConnectionProfile profile;
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        profile.name = QStringLiteral("bench-%1").arg(stack->adminUrl.section(QLatin1Char(':'), -1));
        profile.adminUrl = QUrl(stack->adminUrl);
        stack->profileId = profile.id;
        stack->connection = connections.addTransient(profile, QString::fromUtf8(tokenFile.readAll()).trimmed());
    }
    const int expected = gateways * clients;
    int seen = 0;
    QElapsedTimer progress;
    progress.start();
    const bool ready = pumpUntil(
        [&] {
            if (std::any_of(stacks.begin(), stacks.end(), [](const auto& s) { return s->failed; })) {
                return true;
            }
            const bool live = std::all_of(stacks.begin(), stacks.end(), [](const auto& s) {
                return s->connection && s->connection->state() == GatewayConnection::State::Live;
            });
            seen = storeClientCount(store);
            if (progress.elapsed() > 15'000) {
                std::fprintf(stderr, "[%s] %d of %d clients in the store after %lld s\n", qUtf8Printable(name), seen,
                             expected, static_cast<long long>(ramp.elapsed() / 1000));
                progress.restart();
            }
            return live && seen >= expected;
        },
        o.rampTimeoutSeconds * 1000, 2000);
    if (!ready || std::any_of(stacks.begin(), stacks.end(), [](const auto& s) { return s->failed; })) {
        std::fprintf(stderr, "[%s] not ready: %d of %d clients in the store\n", qUtf8Printable(name), seen, expected);
        stopStacks(connections, stacks);
        return phase;
    }
    phase.rampSeconds = static_cast<double>(ramp.elapsed()) / 1000.0;
    phase.clientsAtStart = seen;
    std::fprintf(stderr, "[%s] ready after %.0f s; measuring for %d s\n", qUtf8Printable(name), phase.rampSeconds,
                 seconds);

    // The measurement window.
    int usageEvents = 0, events = 0, storeChanges = 0, chartUpdates = 0;
    QList<QMetaObject::Connection> watches;
    QElapsedTimer staleClock;
    staleClock.start();
    qint64 pendingSinceNs = -1;
    std::vector<double> staleness;
    for (auto& stack : stacks) {
        watches.append(QObject::connect(stack->connection.data(), &GatewayConnection::eventReceived,
                                        stack->connection.data(), [&](const QString& type, const QJsonObject&) {
                                            ++events;
                                            if (pendingSinceNs < 0) {
                                                pendingSinceNs = staleClock.nsecsElapsed();
                                            }
                                            if (type == QLatin1String("usage")) {
                                                ++usageEvents;
                                            }
                                        }));
    }
    watches.append(QObject::connect(&store, &FleetStore::changed, &store, [&] { ++storeChanges; }));
    auto* chart = window.overviewPage()->requestsChart();
    watches.append(QObject::connect(chart->series(0), &QXYSeries::pointsReplaced, chart, [&] {
        ++chartUpdates;
        if (pendingSinceNs >= 0) {
            staleness.push_back(static_cast<double>(staleClock.nsecsElapsed() - pendingSinceNs) / 1e6);
            pendingSinceNs = -1;
        }
    }));
    PaintCounter paints(chart->viewport());
    QTimer rssSampler;
    rssSampler.setInterval(1000);
    QObject::connect(&rssSampler, &QTimer::timeout, &rssSampler,
                     [&] { phase.rssMaxMiB = std::max(phase.rssMaxMiB, statusMiB("VmRSS")); });
    QElapsedTimer window_;
    window_.start();
    probe.start();
    rssSampler.start();
    pump(seconds * 1000);
    probe.stop();
    rssSampler.stop();
    const double elapsed = static_cast<double>(window_.elapsed()) / 1000.0;
    for (const auto& watch : watches) {
        QObject::disconnect(watch);
    }
    chart->viewport()->removeEventFilter(&paints);
    phase.lag = probe.figures();
    phase.usageEventsPerSec = usageEvents / elapsed;
    phase.eventsPerSec = events / elapsed;
    phase.storeChangesPerSec = storeChanges / elapsed;
    phase.chartUpdatesPerSec = chartUpdates / elapsed;
    phase.chartPaintsPerSec = paints.count / elapsed;
    phase.staleP50 = percentile(staleness, 50);
    phase.staleP99 = percentile(staleness, 99);
    phase.rssEndMiB = statusMiB("VmRSS");
    phase.rssMaxMiB = std::max(phase.rssMaxMiB, phase.rssEndMiB);
    phase.hwmMiB = statusMiB("VmHWM");
    phase.clientsAtEnd = storeClientCount(store);

    // The cost of one full Overview refresh with a synchronous repaint.
    std::vector<double> costs;
    for (int i = 0; i < 20; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        window.overviewPage()->refresh();
        window.overviewPage()->repaint();
        costs.push_back(msSince(t0));
        pump(20);
    }
    phase.refreshCostMs = percentile(costs, 50);
    phase.ok = std::none_of(stacks.begin(), stacks.end(), [](const auto& s) { return s->failed; });
    stopStacks(connections, stacks);
    return phase;
}

QString ratio(double full, double base)
{
    if (base <= 0) {
        return QStringLiteral("-");
    }
    return QString::number(full / base, 'f', 2) + QLatin1Char('x');
}

void row(const char* figure, const QString& idle, const QString& base, const QString& full, const QString& r,
         const QString& target, const QString& verdict)
{
    std::printf("%-34s %10s %12s %12s %9s %10s  %s\n", figure, qUtf8Printable(idle), qUtf8Printable(base),
                qUtf8Printable(full), qUtf8Printable(r), qUtf8Printable(target), qUtf8Printable(verdict));
}

QString num(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char* argv[])
{
    // Settings (window geometry, section) go to a directory of this run, not to the user's console settings.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ModelGuard"));
    QApplication::setApplicationName(QStringLiteral("modelguard-bench"));

    Options options;
    if (!parseArgs(QApplication::arguments(), options)) {
        std::fprintf(stderr, "usage: bench_console [--gateways G] [--clients N] [--seconds S] [--interval-ms MS] "
                             "[--baseline-clients B] [--baseline-seconds S] [--idle-seconds S] [--ramp-timeout S] "
                             "[--stack-nice NI] [--stack PATH]\n");
        return 2;
    }
    if (options.stackPath.isEmpty()) {
        options.stackPath = QDir(QApplication::applicationDirPath()).filePath(QStringLiteral("bench_console_stack"));
    }

    // 1. Start to first paint: the console's own start sequence (store, connections, window, show).
    modelguard::ui::applyTheme(modelguard::ui::ThemeMode::System);
    FleetStore store;
    ConnectionManager connections(&store);
    MainWindow window(&connections, &store);
    FirstPaint firstPaint(&window);
    window.showSection(MainWindow::Section::Overview);
    window.resize(1280, 800);
    window.show();
    if (!pumpUntil([&] { return firstPaint.fromMainMs >= 0; }, 30'000, 5)) {
        std::fprintf(stderr, "bench_console: the main window never painted\n");
        return 2;
    }
    std::fprintf(stderr, "[start] first paint %.0f ms after main(), %.0f ms after process start\n",
                 firstPaint.fromMainMs, firstPaint.fromProcessMs);
    pump(1000);

    // 2. Idle lag.
    LagProbe probe;
    probe.start();
    pump(options.idleSeconds * 1000);
    probe.stop();
    const auto idle = probe.figures();
    const double idleRss = statusMiB("VmRSS");
    std::fprintf(stderr, "[idle] lag p50 %.2f ms, p99 %.2f ms; VmRSS %.0f MiB\n", idle.p50, idle.p99, idleRss);

    // 3. Baseline and 4. full load.
    const Phase base = runPhase(options, QStringLiteral("baseline"), QStringLiteral("b"), 1, options.baselineClients,
                                options.baselineSeconds, connections, store, window, probe);
    pump(2000);
    const Phase full = runPhase(options, QStringLiteral("full"), QStringLiteral("f"), options.gateways, options.clients,
                                options.seconds, connections, store, window, probe);
    if (!base.ok || !full.ok) {
        std::fprintf(stderr, "bench_console: a phase did not run to the end\n");
        return 2;
    }

    char loadText[64] = "?";
    if (QFile loadavg(QStringLiteral("/proc/loadavg")); loadavg.open(QIODevice::ReadOnly)) {
        std::snprintf(loadText, sizeof loadText, "%s", loadavg.readAll().left(30).trimmed().constData());
    }
    std::printf("\nModelGuard console bench: %d gateway(s) x %d clients (one request per client every %.1f s on "
                "average), %d s window; baseline 1 x %d, %d s; QPA %s; stacks at nice %d; load %s\n\n",
                full.gateways, full.clients, options.intervalMs / 1000.0, options.seconds, base.clients,
                options.baselineSeconds, qUtf8Printable(QApplication::platformName()), options.stackNice, loadText);
    row("figure", QStringLiteral("idle"), QStringLiteral("baseline"), QStringLiteral("full"),
        QStringLiteral("full/base"), QStringLiteral("target"), QStringLiteral("verdict"));
    const auto verdict = [](bool pass) { return pass ? QStringLiteral("PASS") : QStringLiteral("MISS"); };
    bool allPass = true;
    const auto check = [&](bool pass) {
        allPass = allPass && pass;
        return verdict(pass);
    };
    row("clients in the store (start/end)", QStringLiteral("0"),
        QStringLiteral("%1/%2").arg(base.clientsAtStart).arg(base.clientsAtEnd),
        QStringLiteral("%1/%2").arg(full.clientsAtStart).arg(full.clientsAtEnd), QString(),
        QString::number(full.gateways * full.clients), check(full.clientsAtEnd >= full.gateways * full.clients));
    row("start to first paint, from main ms", QString(), QString(), num(firstPaint.fromMainMs, 0), QString(),
        QStringLiteral("< 1000"), check(firstPaint.fromMainMs < 1000));
    row("start to first paint, process ms", QString(), QString(), num(firstPaint.fromProcessMs, 0), QString(),
        QStringLiteral("< 1000"), check(firstPaint.fromProcessMs < 1000));
    row("event-loop lag p50 ms (median)", num(idle.p50, 2), num(base.lag.p50, 2), num(full.lag.p50, 2),
        ratio(full.lag.p50, base.lag.p50), QString(), QString());
    row("event-loop lag p99 ms", num(idle.p99, 2), num(base.lag.p99, 2), num(full.lag.p99, 2),
        ratio(full.lag.p99, base.lag.p99), QStringLiteral("<= 50"), check(full.lag.p99 <= 50));
    row("  median of per-10 s p99 ms", num(idle.medianSliceP99, 2), num(base.lag.medianSliceP99, 2),
        num(full.lag.medianSliceP99, 2), ratio(full.lag.medianSliceP99, base.lag.medianSliceP99), QString(), QString());
    row("event-loop lag max ms", num(idle.max, 1), num(base.lag.max, 1), num(full.lag.max, 1),
        ratio(full.lag.max, base.lag.max), QString(), QString());
    row("VmRSS max in window MiB", num(idleRss, 0), num(base.rssMaxMiB, 0), num(full.rssMaxMiB, 0),
        ratio(full.rssMaxMiB, base.rssMaxMiB), QStringLiteral("<= 400"), check(full.rssMaxMiB <= 400));
    row("VmHWM (peak of the run) MiB", QString(), num(base.hwmMiB, 0), num(full.hwmMiB, 0),
        ratio(full.hwmMiB, base.hwmMiB), QStringLiteral("<= 400"), check(full.hwmMiB <= 400));
    row("events received /s (usage /s)", QString(),
        QStringLiteral("%1 (%2)").arg(num(base.eventsPerSec)).arg(num(base.usageEventsPerSec)),
        QStringLiteral("%1 (%2)").arg(num(full.eventsPerSec)).arg(num(full.usageEventsPerSec)),
        ratio(full.eventsPerSec, base.eventsPerSec), QString(), QString());
    row("store changes /s", QString(), num(base.storeChangesPerSec), num(full.storeChangesPerSec),
        ratio(full.storeChangesPerSec, base.storeChangesPerSec), QString(), QString());
    row("chart updates /s", QString(), num(base.chartUpdatesPerSec), num(full.chartUpdatesPerSec),
        ratio(full.chartUpdatesPerSec, base.chartUpdatesPerSec), QString(), QString());
    row("chart repaints /s", QString(), num(base.chartPaintsPerSec), num(full.chartPaintsPerSec),
        ratio(full.chartPaintsPerSec, base.chartPaintsPerSec), QString(), QString());
    row("event to chart update p50 ms", QString(), num(base.staleP50), num(full.staleP50),
        ratio(full.staleP50, base.staleP50), QString(), QString());
    row("event to chart update p99 ms", QString(), num(base.staleP99), num(full.staleP99),
        ratio(full.staleP99, base.staleP99), QStringLiteral("<= 100"), check(full.staleP99 <= 100));
    row("Overview refresh+repaint ms (median)", QString(), num(base.refreshCostMs, 2), num(full.refreshCostMs, 2),
        ratio(full.refreshCostMs, base.refreshCostMs), QStringLiteral("< 100"), check(full.refreshCostMs < 100));
    row("  refresh rate it can hold Hz", QString(), num(1000.0 / std::max(1e-9, base.refreshCostMs), 0),
        num(1000.0 / std::max(1e-9, full.refreshCostMs), 0), QString(), QStringLiteral(">= 10"),
        check(1000.0 / std::max(1e-9, full.refreshCostMs) >= 10));
    row("ramp (start to all clients) s", QString(), num(base.rampSeconds, 0), num(full.rampSeconds, 0), QString(),
        QString(), QString());
    std::printf("\n%s\n", allPass ? "all targets PASS" : "some targets MISSED");
    std::fflush(stdout);
    return allPass ? 0 : 1;
}
