import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

extension StoreError {
    /// What a SQLite failure on the store at `path` means for the person running Proctor: a full
    /// disk, a read-only file or folder, a file that cannot be opened, a failing disk. `nil` for
    /// any other error, which is reported as it is.
    ///
    /// Every answer is committed as it arrives, so after any of these the run keeps what it had
    /// and `--resume` continues it once the cause is fixed.
    public static func fault(_ error: any Error, path: String) -> StoreError? {
        guard let database = error as? DatabaseError else { return nil }
        let resume = "the answers stored so far are kept; continue with `--resume RUN --store \(path)` (ids: proctor runs list --store \(path))"
        switch database.resultCode {
        case .SQLITE_FULL:
            return StoreError("the run store \(path) could not be written: the disk holding it is full. Free some space; \(resume)")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN:
            // SQLite says "cannot open" when the folder it must write -wal and -shm in is read-only.
            let folder = (path as NSString).deletingLastPathComponent
            guard access(folder.isEmpty ? "." : folder, W_OK) != 0 || (access(path, F_OK) == 0 && access(path, W_OK) != 0) else {
                return StoreError("the run store \(path) cannot be opened (\(database.message ?? "SQLite cannot open it")): check that its folder exists")
            }
            return StoreError(
                "the run store \(path) is read-only. Make it and its folder writable (SQLite also writes \(path)-wal and \(path)-shm beside it) "
                    + "or pass --store elsewhere; \(resume)")
        case .SQLITE_IOERR:
            return StoreError("the disk failed while Proctor wrote the run store \(path) (\(database.message ?? "I/O error")); \(resume)")
        default:
            return nil
        }
    }
}
