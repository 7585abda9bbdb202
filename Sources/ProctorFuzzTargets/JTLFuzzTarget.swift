import Foundation
import ProctorCore
import ProctorRunner
import ProctorStore

extension FuzzTarget {
    /// A JMeter results file: read, or refused naming the file; every failed sample's class one
    /// of a bounded set; and what Proctor writes, it reads back unchanged.
    static let jtl = FuzzTarget(name: "jtl", summary: "a JMeter results file (CSV .jtl)") {
        JTLSeeds.files.map { Data($0.utf8) }
    } property: { data in
        let rows: [JTLFormat.Row]
        do throws(ProctorError) {
            rows = try JTLFormat.read(FuzzInput.text(data), file: "fuzz.jtl")
        } catch {
            return error.description.contains("fuzz.jtl") ? [] : ["a refusal that does not name the file: \(error.description)"]
        }
        var broken: [String] = []
        for row in rows where !row.success {
            let kind = JMeterResponseCode.errorKind(row.responseCode)
            if kind.wholeMatch(of: /http_[1-5][0-9][0-9]|timeout|connection|disconnected|failed/) == nil {
                broken.append("response code \(row.responseCode.debugDescription) became the class \(kind.debugDescription)")
            }
        }
        do throws(ProctorError) {
            let reread = try JTLFormat.read(JTLFormat.write(rows), file: "rewritten.jtl")
            if reread != rows { broken.append("rows written and read back differ: \(rows.prefix(2)) became \(reread.prefix(2))") }
        } catch {
            broken.append("rows Proctor wrote could not be read back: \(error.description)")
        }
        return broken
    }
}

/// JMeter files as JMeter writes them, with the shapes the import tests refuse.
enum JTLSeeds {
    static let files = [
        """
        timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect
        1700000000000,120,chat,200,OK,Thread Group 1-1,text,true,,512,300,1,1,http://h:8000/v1/chat/completions,40,0,3
        1700000000130,5000,chat,Non HTTP response code: java.net.SocketTimeoutException,"Non HTTP response message: Read timed out",Thread Group 1-2,text,false,"a ""quoted"", multi
        line message",0,0,2,2,http://h:8000/v1/chat/completions,0,0,0
        1700000000200,30,chat,503,Service Unavailable,Thread Group 1-1,text,false,,0,0,2,2,http://h/v1,30,0,1

        """,
        "timeStamp,elapsed,success,grpThreads\r\n1,2,TRUE,4\r\n3,4,false,4\r\n",
        "timeStamp,elapsed,success\n1,2,true\n",
        "timeStamp,elapsed,success,allThreads\nnot a number,2,true,1\n",
        "",
    ]
}
