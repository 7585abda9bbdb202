import ProctorCore
import ProctorStore
import Testing

@Suite("JMeter results (.jtl)")
struct JTLFormatTests {
    static let rows = [
        JTLFormat.Row(
            timeStamp: 1_700_000_000_000, elapsed: 120, label: "chat, streamed", responseCode: "200", responseMessage: "OK",
            threadName: "Users 1-1", success: true, groupThreads: 4, allThreads: 4, url: "http://h:8000/v1/chat/completions",
            latency: 35),
        JTLFormat.Row(
            timeStamp: 1_700_000_000_050, elapsed: 3_000, label: "chat", responseCode: "500",
            responseMessage: "Internal \"server\" error", threadName: "Users 1-2", success: false, groupThreads: 4,
            allThreads: 8, url: "http://h:8000/v1/chat/completions", latency: 0),
    ]

    @Test("what Proctor writes it reads back unchanged, quotes and commas included")
    func roundTrip() throws {
        let text = JTLFormat.write(Self.rows)
        #expect(text.hasPrefix("timeStamp,elapsed,label,responseCode,responseMessage,threadName"))
        #expect(try JTLFormat.read(text, file: "a.jtl") == Self.rows)
    }

    @Test("a field holding CRLF, CR or LF is quoted and read back whole (a CRLF split its row before)")
    func lineBreaksInsideFields() throws {
        var rows = Self.rows
        rows[1].responseMessage = "first line\r\nsecond\rthird\nfourth"
        rows[0].label = "crlf\r\n"
        let text = JTLFormat.write(rows)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count > 4)
        #expect(try JTLFormat.read(text, file: "a.jtl") == rows)
    }

    @Test("JMeter's own CSV with CRLF line ends and a reduced column set")
    func jmeterFile() throws {
        let text = "timeStamp,elapsed,label,success,allThreads,Latency\r\n1700000000000,250,HTTP Request,true,16,40\r\n1700000000100,900,HTTP Request,false,16,0\r\n"
        let rows = try JTLFormat.read(text, file: "results.jtl")
        #expect(rows.count == 2)
        #expect(rows[0].allThreads == 16)
        #expect(rows[0].groupThreads == 16)
        #expect(rows[1].success == false)
        #expect(rows[0].latency == 40)
    }

    @Test("a file without the needed columns or with a bad number names file, line and column")
    func badFiles() {
        #expect {
            try JTLFormat.read("elapsed,success,allThreads\n1,true,1\n", file: "x.jtl")
        } throws: { error in
            (error as? ProctorError)?.message.contains("x.jtl:1: no \"timeStamp\" column") == true
        }
        #expect {
            try JTLFormat.read("timeStamp,elapsed,success,allThreads\n1,2,true,1\nabc,2,true,1\n", file: "y.jtl")
        } throws: { error in
            (error as? ProctorError)?.message.contains("y.jtl:3: column \"timeStamp\" is \"abc\"") == true
        }
    }
}
