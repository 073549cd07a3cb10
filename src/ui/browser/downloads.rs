//! Offering a file to the user as a download, from text or bytes.

use wasm_bindgen::JsCast;

/// Why a download could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the download could not start: {}", self.0)
    }
}

/// Offers `contents` to the user as a file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), DownloadError> {
    download_part(file_name, mime_type, &contents.into())
}

/// Offers `bytes` (a ZIP archive, say) to the user as a file called `file_name`.
pub fn download_bytes(file_name: &str, mime_type: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    download_part(file_name, mime_type, &js_sys::Uint8Array::from(bytes))
}

fn download_part(
    file_name: &str,
    mime_type: &str,
    part: &wasm_bindgen::JsValue,
) -> Result<(), DownloadError> {
    let fail = |error: wasm_bindgen::JsValue| DownloadError(format!("{error:?}"));
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| DownloadError("no document".into()))?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has handed the blob to the browser; release the URL once it is read.
    let revoke = gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    revoke.forget();
    Ok(())
}
