import AutomationModel
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The open connections, across event loops: how many, which are in the middle of a request, and which has
/// waited longest without one, to close when a new connection needs its place.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        let channel: any Channel
        var inRequest = false
    }

    private struct State {
        var nextId = 0
        var entries: [Int: Entry] = [:]
        var evicted = 0
        var refused = 0
    }

    let maximum: Int
    private let state = LockedValue(State())

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Registers a new connection. Returns its ID and whether it may stay; an older connection with no request
    /// in progress may be closed to make room.
    func opened(_ channel: any Channel) -> (id: Int, admitted: Bool) {
        let (id, admitted, victim) = state.withLock { state -> (Int, Bool, (any Channel)?) in
            let id = state.nextId
            state.nextId += 1
            guard state.entries.count >= maximum else {
                state.entries[id] = Entry(channel: channel)
                return (id, true, nil)
            }
            // IDs grow with time, so the smallest idle one has waited longest.
            guard let oldest = state.entries.filter({ !$0.value.inRequest }).keys.min() else {
                state.refused += 1
                return (id, false, nil)
            }
            let victim = state.entries.removeValue(forKey: oldest)?.channel
            state.evicted += 1
            state.entries[id] = Entry(channel: channel)
            return (id, true, victim)
        }
        victim?.close(promise: nil)
        return (id, admitted)
    }

    func closed(_ id: Int) {
        state.withLock { _ = $0.entries.removeValue(forKey: id) }
    }

    func setInRequest(_ id: Int, _ inRequest: Bool) {
        state.withLock { state in state.entries[id]?.inRequest = inRequest }
    }

    /// Open connections, and how many were closed to make room or refused, for tests and benchmarks.
    var counts: (open: Int, evicted: Int, refused: Int) {
        state.withLock { ($0.entries.count, $0.evicted, $0.refused) }
    }
}

/// One connection's progress through a request, shared by its two guard handlers on its event loop.
final class ConnectionProgress {
    enum Phase { case waiting, readingHead, inRequest }

    var phase = Phase.waiting
    var headerTimer: Scheduled<Void>?
    var id = -1
}

/// First in the pipeline, on raw bytes: counts the connection against the cap, and starts the header-read
/// timer when a request's first byte arrives.
final class ConnectionAdmissionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let registry: ConnectionRegistry
    private let progress: ConnectionProgress
    private let headerReadTimeout: TimeAmount

    init(registry: ConnectionRegistry, progress: ConnectionProgress, headerReadTimeout: TimeAmount) {
        self.registry = registry
        self.progress = progress
        self.headerReadTimeout = headerReadTimeout
    }

    private var registered = false

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard !registered else { return }
        registered = true
        let (id, admitted) = registry.opened(context.channel)
        progress.id = id
        if !admitted {
            registry.closed(id)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        progress.headerTimer?.cancel()
        if registered { registry.closed(progress.id) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if progress.phase == .waiting {
            progress.phase = .readingHead
            let progress = progress
            progress.headerTimer = context.eventLoop.assumeIsolated().scheduleTask(in: headerReadTimeout) {
                if progress.phase == .readingHead { context.close(promise: nil) }
            }
        }
        context.fireChannelRead(data)
    }
}

/// After HTTP decoding: a request's head ends the header-read timer and marks the connection busy (never
/// closed to make room); the end of its response makes it idle again, or closes the connection when the
/// response said `Connection: close` (a refused body is then never read).
final class RequestProgressHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let registry: ConnectionRegistry
    private let progress: ConnectionProgress
    private var closeAfterResponse = false

    init(registry: ConnectionRegistry, progress: ConnectionProgress) {
        self.registry = registry
        self.progress = progress
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            progress.headerTimer?.cancel()
            progress.headerTimer = nil
            progress.phase = .inRequest
            registry.setInRequest(progress.id, true)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closeAfterResponse = head.headers["connection"].contains { $0.lowercased() == "close" }
        case .end where closeAfterResponse:
            let written = promise ?? context.eventLoop.makePromise()
            context.write(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            return
        case .end:
            progress.phase = .waiting
            registry.setInRequest(progress.id, false)
        case .body:
            break
        }
        context.write(data, promise: promise)
    }
}

/// Hummingbird's HTTP/1 child channel with the guards around it: the connection cap and header-read timer
/// before the HTTP decoder, request progress after it, and Hummingbird's own idle timeout.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let registry: ConnectionRegistry
    let headerReadTimeout: TimeAmount

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, registry: ConnectionRegistry) {
        inner = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(limits.idleTimeout)))
        self.registry = registry
        headerReadTimeout = TimeAmount(limits.headerReadTimeout)
    }

    /// Runs on the connection's event loop (the server's child channel initializer).
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let progress = ConnectionProgress()
        let registry = registry
        do {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionAdmissionHandler(registry: registry, progress: progress, headerReadTimeout: headerReadTimeout),
                position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return inner.setup(channel: channel, logger: logger).assumeIsolated().flatMapThrowing { value in
            // NIO puts the response encoder first and the request decoder after it: request parts come out of
            // the decoder, response parts go into the encoder from there on.
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(RequestProgressHandler(registry: registry, progress: progress), position: .after(decoder))
            return value
        }.nonisolated()
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
