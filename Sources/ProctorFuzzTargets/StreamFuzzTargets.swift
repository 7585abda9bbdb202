import Foundation
import NIOCore
import ProctorClient
import ProctorCore

extension FuzzTarget {
    /// A streamed chunk's payload: the fast scanner must agree with `JSONSerialization` on every
    /// payload it accepts, and neither may trap.
    static let chunk = FuzzTarget(name: "chunk", summary: "one streamed chunk's JSON payload (ChunkScanner against JSONSerialization)") {
        StreamSeeds.payloads.map { Data($0.utf8) }
    } property: { data in
        let payload = [UInt8](data)
        _ = try? ChatChunk(payload: payload)
        guard let scanned = ChunkScanner.scan(payload) else { return [] }
        do throws(ChunkShapeError) {
            let general = try ChatChunk(json: data)
            return general == scanned ? [] : ["the scanner read \(scanned), JSONSerialization \(general)"]
        } catch {
            return ["the scanner accepted a payload JSONSerialization refuses (\(error.description))"]
        }
    }

    /// A streamed response body, fed whole and in pieces: the answer, or the class of the
    /// failure, must not depend on where the network split the bytes.
    static let stream = FuzzTarget(name: "stream", summary: "a streamed response body (SSE parser, chunks, end of stream)") {
        StreamSeeds.streams.map { Data($0.utf8) }
    } property: { data in
        bodyOutcomesAgree(data, streaming: true)
    }

    /// A whole (non-streamed) response body, fed whole and in pieces.
    static let whole = FuzzTarget(name: "whole", summary: "a whole chat-completion response body") {
        StreamSeeds.wholeBodies.map { Data($0.utf8) }
    } property: { data in
        bodyOutcomesAgree(data, streaming: false)
    }

    /// The outcome of assembling `data` in one piece and in pieces of 1–16 bytes (the first
    /// byte picks the size); the pieces must give the same answer or the same failure class.
    private static func bodyOutcomesAgree(_ data: Data, streaming: Bool) -> [String] {
        let whole = assemble([data], streaming: streaming)
        let size = Int(data.first ?? 0) % 16 + 1
        let pieces = stride(from: 0, to: data.count, by: size).map { data[data.startIndex + $0..<data.startIndex + min($0 + size, data.count)] }
        let split = assemble(pieces.map { Data($0) }, streaming: streaming)
        return whole == split ? [] : ["in one piece: \(whole); in pieces of \(size) bytes: \(split)"]
    }

    private static func assemble(_ pieces: [Data], streaming: Bool) -> BodyOutcome {
        var assembler = ChatAnswerAssembler(url: "http://fuzz/v1", streaming: streaming, contentType: "text/event-stream")
        do throws(AttemptFailure) {
            for piece in pieces { try assembler.receive(ByteBuffer(bytes: piece), at: 0.5) }
            let completion = try assembler.finish(at: 1)
            return .answer(text: completion.text, finishReason: completion.finishReason, usage: completion.usage, model: completion.model)
        } catch {
            return .failure(error.error.kind)
        }
    }
}

/// What assembling a body gave, compared across splits.
private enum BodyOutcome: Equatable, CustomStringConvertible {
    case answer(text: String, finishReason: String?, usage: TokenUsage?, model: String?)
    case failure(CompletionError.Kind)

    var description: String {
        switch self {
        case .answer(let text, let reason, let usage, let model):
            "answer \(text.debugDescription.prefix(60)) finish \(reason ?? "-") usage \(usage.map { "\($0.promptTokens)/\($0.completionTokens)" } ?? "-") model \(model ?? "-")"
        case .failure(let kind): "failure \(kind)"
        }
    }
}
