import Hummingbird

/// The page: one HTML file, its script and its style, built into the tool (no files are read
/// from disk to serve it, so no address can reach outside it).
enum PageAssets {
    /// Adds `/`, `/app.js` and `/style.css`.
    static func add(to router: Router<BasicRequestContext>) {
        let assets: [(path: String, type: String, bytes: [UInt8])] = [
            ("/", "text/html; charset=utf-8", PackageResources.index_html),
            ("/app.js", "text/javascript; charset=utf-8", PackageResources.app_js),
            ("/style.css", "text/css; charset=utf-8", PackageResources.style_css),
        ]
        for asset in assets {
            let body = ByteBuffer(bytes: asset.bytes)
            router.get(RouterPath(asset.path)) { _, _ in
                Response(status: .ok, headers: [.contentType: asset.type], body: ResponseBody(byteBuffer: body))
            }
        }
    }
}
