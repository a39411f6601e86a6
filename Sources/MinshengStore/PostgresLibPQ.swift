import CLibPQ
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// libpq, loaded the first time a shell opens a server (`dlopen("libpq.so.5")`): a shell on
/// a SQLite file never loads it. Each function keeps its C name and C type (from
/// `libpq-fe.h`, through the CLibPQ module).
struct LibPQ: @unchecked Sendable {
    let PQconnectdb: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    let PQstatus: @convention(c) (OpaquePointer?) -> ConnStatusType
    let PQerrorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let PQfinish: @convention(c) (OpaquePointer?) -> Void
    let PQexecParams:
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
            UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    let PQexec: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let PQprepare: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?) -> OpaquePointer?
    let PQexecPrepared:
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    let PQresultStatus: @convention(c) (OpaquePointer?) -> ExecStatusType
    let PQputCopyData: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32
    let PQputCopyEnd: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    let PQgetResult: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let PQresultErrorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let PQresultErrorField: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    let PQclear: @convention(c) (OpaquePointer?) -> Void
    let PQntuples: @convention(c) (OpaquePointer?) -> Int32
    let PQnfields: @convention(c) (OpaquePointer?) -> Int32
    let PQfname: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    let PQftype: @convention(c) (OpaquePointer?, Int32) -> Oid
    let PQgetisnull: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    let PQgetvalue: @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let PQgetCancel: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let PQcancel: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32
    let PQfreeCancel: @convention(c) (OpaquePointer?) -> Void
    /// Pipeline mode (libpq 14 and later), or nil with an older library: several statements
    /// sent before their answers are read, one round trip for all (`PostgresConnection.hold`).
    let pipeline: Pipeline?

    /// The functions of libpq's pipeline mode.
    struct Pipeline {
        let PQenterPipelineMode: @convention(c) (OpaquePointer?) -> Int32
        let PQexitPipelineMode: @convention(c) (OpaquePointer?) -> Int32
        let PQpipelineSync: @convention(c) (OpaquePointer?) -> Int32
        let PQsendQueryParams:
            @convention(c) (
                OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
                UnsafePointer<Int32>?, Int32
            ) -> Int32
        let PQsendQueryPrepared:
            @convention(c) (
                OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
            ) -> Int32
    }

    /// The library, or why it cannot be had.
    static let shared: Result<LibPQ, ScriptError> = load()

    static func load() -> Result<LibPQ, ScriptError> {
        guard let handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL) ?? dlopen("libpq.so", RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(
                ScriptError(
                    .io, Localized(en: "cannot use a PostgreSQL server: libpq is missing (\(reason))", zh: "无法连接 PostgreSQL：缺少 libpq（\(reason)）"),
                    hint: Localized(en: "install it: apt-get install libpq5", zh: "请安装：apt-get install libpq5")))
        }
        var missing: [String] = []
        func f<T>(_ name: String) -> T? {
            guard let p = dlsym(handle, name) else {
                missing.append(name)
                return nil
            }
            return unsafeBitCast(p, to: T.self)
        }
        guard let connectdb: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer? = f("PQconnectdb"),
            let status: @convention(c) (OpaquePointer?) -> ConnStatusType = f("PQstatus"),
            let errorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = f("PQerrorMessage"),
            let finish: @convention(c) (OpaquePointer?) -> Void = f("PQfinish"),
            let execParams:
                @convention(c) (
                    OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
                    UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
                ) -> OpaquePointer? = f("PQexecParams"),
            let exec: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer? = f("PQexec"),
            let prepare: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?) -> OpaquePointer? =
                f("PQprepare"),
            let execPrepared:
                @convention(c) (
                    OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
                    UnsafePointer<Int32>?, Int32
                ) -> OpaquePointer? = f("PQexecPrepared"),
            let resultStatus: @convention(c) (OpaquePointer?) -> ExecStatusType = f("PQresultStatus"),
            let putCopyData: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = f("PQputCopyData"),
            let putCopyEnd: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32 = f("PQputCopyEnd"),
            let getResult: @convention(c) (OpaquePointer?) -> OpaquePointer? = f("PQgetResult"),
            let resultErrorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = f("PQresultErrorMessage"),
            let resultErrorField: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>? = f("PQresultErrorField"),
            let clear: @convention(c) (OpaquePointer?) -> Void = f("PQclear"),
            let ntuples: @convention(c) (OpaquePointer?) -> Int32 = f("PQntuples"),
            let nfields: @convention(c) (OpaquePointer?) -> Int32 = f("PQnfields"),
            let fname: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>? = f("PQfname"),
            let ftype: @convention(c) (OpaquePointer?, Int32) -> Oid = f("PQftype"),
            let getisnull: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32 = f("PQgetisnull"),
            let getvalue: @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>? = f("PQgetvalue"),
            let getCancel: @convention(c) (OpaquePointer?) -> OpaquePointer? = f("PQgetCancel"),
            let cancel: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = f("PQcancel"),
            let freeCancel: @convention(c) (OpaquePointer?) -> Void = f("PQfreeCancel")
        else {
            return .failure(ScriptError(.io, Localized("cannot use libpq: missing \(missing.joined(separator: ", "))")))
        }
        var pipeline: Pipeline?
        if let enter: @convention(c) (OpaquePointer?) -> Int32 = f("PQenterPipelineMode"),
            let exit: @convention(c) (OpaquePointer?) -> Int32 = f("PQexitPipelineMode"),
            let sync: @convention(c) (OpaquePointer?) -> Int32 = f("PQpipelineSync"),
            let sendParams:
                @convention(c) (
                    OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
                    UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
                ) -> Int32 = f("PQsendQueryParams"),
            let sendPrepared:
                @convention(c) (
                    OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
                    UnsafePointer<Int32>?, Int32
                ) -> Int32 = f("PQsendQueryPrepared")
        {
            pipeline = Pipeline(
                PQenterPipelineMode: enter, PQexitPipelineMode: exit, PQpipelineSync: sync, PQsendQueryParams: sendParams,
                PQsendQueryPrepared: sendPrepared)
        }
        return .success(
            LibPQ(
                PQconnectdb: connectdb, PQstatus: status, PQerrorMessage: errorMessage, PQfinish: finish, PQexecParams: execParams, PQexec: exec, PQprepare: prepare, PQexecPrepared: execPrepared,
                PQresultStatus: resultStatus, PQputCopyData: putCopyData, PQputCopyEnd: putCopyEnd, PQgetResult: getResult,
                PQresultErrorMessage: resultErrorMessage, PQresultErrorField: resultErrorField, PQclear: clear,
                PQntuples: ntuples, PQnfields: nfields, PQfname: fname, PQftype: ftype, PQgetisnull: getisnull, PQgetvalue: getvalue,
                PQgetCancel: getCancel, PQcancel: cancel, PQfreeCancel: freeCancel, pipeline: pipeline))
    }
}

/// A C string libpq returned (never freed by us), or "" for none.
func cText(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
