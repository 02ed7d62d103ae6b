import ServiceLifecycle

/// Looks at the portfolio's files every `interval` and reloads it when one was saved, added or
/// removed; now and then it sends open pages a heartbeat. Ends on graceful shutdown.
struct PortfolioWatcher: Service {
    let portfolio: LivePortfolio
    let interval: Duration
    /// How many looks between two heartbeats (about 15 s).
    private var heartbeatEvery: Int { max(1, Int(Duration.seconds(15) / interval)) }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var looks = 0
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                await portfolio.reloadIfChanged()
                looks += 1
                if looks % heartbeatEvery == 0 { await portfolio.heartbeat() }
            }
        }
    }
}
