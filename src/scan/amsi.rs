//! The installed Windows antivirus (Defender or another registered provider) through the
//! Antimalware Scan Interface: `AmsiScanBuffer` from `amsi.dll`, loaded when first used so that a
//! machine without it (Wine, an old server) starts and says "not available". AMSI scans buffers,
//! so the file is read whole into memory first.
//!
//! A machine where no provider answers scans every buffer as clean; to tell that from a working
//! antivirus, each session first scans the EICAR test string (assembled at run time, so this exe
//! does not carry it) and uses AMSI only when it is detected.

use futures_util::FutureExt;
use futures_util::future::BoxFuture;

use super::{Body, Scan, ScanError, Verdict};

/// The Windows antivirus through AMSI.
#[derive(Debug, Clone, Copy)]
pub struct Amsi;

impl Scan for Amsi {
    fn describe(&self) -> String {
        "Windows AMSI".to_owned()
    }

    fn version(&self) -> BoxFuture<'_, Result<String, ScanError>> {
        async {
            let verdict = tokio::task::spawn_blocking(|| platform::scan(&crate::domain::eicar(), "kirjaamo-self-test"))
                .await
                .map_err(|e| ScanError::AmsiUnavailable { reason: e.to_string() })??;
            match verdict {
                // AMSI names no database version: a verdict holds for the day.
                Verdict::Infected { .. } => Ok(format!("amsi {}", crate::domain::helsinki::today())),
                _ => Err(ScanError::AmsiUnavailable {
                    reason: "no antivirus answers through AMSI (the EICAR test string was not detected)".to_owned(),
                }),
            }
        }
        .boxed()
    }

    fn scan(&self, body: Body) -> BoxFuture<'_, Result<Verdict, ScanError>> {
        async move {
            use futures_util::TryStreamExt;
            let chunks: Vec<bytes::Bytes> = body.try_collect().await.map_err(ScanError::Source)?;
            let bytes = chunks.concat();
            tokio::task::spawn_blocking(move || platform::scan(&bytes, "attachment"))
                .await
                .map_err(|e| ScanError::AmsiUnavailable { reason: e.to_string() })?
        }
        .boxed()
    }
}

#[cfg(not(windows))]
mod platform {
    use super::{ScanError, Verdict};

    pub fn scan(_bytes: &[u8], _name: &str) -> Result<Verdict, ScanError> {
        Err(ScanError::AmsiUnavailable { reason: "AMSI exists only on Windows".to_owned() })
    }
}

#[cfg(windows)]
#[allow(unsafe_code)]
mod platform {
    use std::ffi::c_void;

    use windows_sys::Win32::System::LibraryLoader::{GetProcAddress, LoadLibraryW};

    use super::{ScanError, Verdict};

    type Initialize = unsafe extern "system" fn(*const u16, *mut *mut c_void) -> i32;
    type Uninitialize = unsafe extern "system" fn(*mut c_void);
    type ScanBuffer =
        unsafe extern "system" fn(*mut c_void, *const c_void, u32, *const u16, *mut c_void, *mut i32) -> i32;

    /// `AMSI_RESULT_DETECTED`: this and above is malware.
    const DETECTED: i32 = 32768;

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(std::iter::once(0)).collect()
    }

    fn unavailable(reason: impl Into<String>) -> ScanError {
        ScanError::AmsiUnavailable { reason: reason.into() }
    }

    pub fn scan(bytes: &[u8], name: &str) -> Result<Verdict, ScanError> {
        let length = u32::try_from(bytes.len()).map_err(|e| unavailable(format!("the file is over 4 GB: {e}")))?;
        let (dll, app, content) = (wide("amsi.dll"), wide("Kirjaamo"), wide(name));
        // SAFETY: amsi.dll's three functions are called with the signatures Windows documents,
        // NUL-terminated UTF-16 strings and a buffer that outlive the calls; the context is used
        // only after AmsiInitialize succeeded and is released once. The module stays loaded.
        unsafe {
            let module = LoadLibraryW(dll.as_ptr());
            if module.is_null() {
                return Err(unavailable("amsi.dll is not on this machine"));
            }
            let (Some(init), Some(uninit), Some(scan)) = (
                GetProcAddress(module, c"AmsiInitialize".as_ptr().cast()),
                GetProcAddress(module, c"AmsiUninitialize".as_ptr().cast()),
                GetProcAddress(module, c"AmsiScanBuffer".as_ptr().cast()),
            ) else {
                return Err(unavailable("amsi.dll lacks AmsiScanBuffer"));
            };
            let init: Initialize = std::mem::transmute(init);
            let uninit: Uninitialize = std::mem::transmute(uninit);
            let scan: ScanBuffer = std::mem::transmute(scan);
            let mut context: *mut c_void = std::ptr::null_mut();
            let status = init(app.as_ptr(), &mut context);
            if status < 0 || context.is_null() {
                return Err(unavailable(format!("AmsiInitialize answered 0x{status:08X}")));
            }
            let mut result: i32 = 0;
            let status =
                scan(context, bytes.as_ptr().cast(), length, content.as_ptr(), std::ptr::null_mut(), &mut result);
            uninit(context);
            if status < 0 {
                return Err(unavailable(format!("AmsiScanBuffer answered 0x{status:08X}")));
            }
            Ok(if result >= DETECTED {
                Verdict::Infected { signature: format!("AMSI {result}") }
            } else {
                Verdict::Clean
            })
        }
    }
}
