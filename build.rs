//! Build script. For Windows targets it embeds into `kirjaamo.exe` the icon
//! (`assets/icon/kirjaamo.ico`), the version information from `Cargo.toml` (Explorer's
//! Properties → Details, and what an IT department's inventory reads) and the application
//! manifest (`assets/windows/kirjaamo.exe.manifest`), compiled with mingw's `windres`
//! (`WINDRES` overrides which one). Other targets need nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Who publishes Kirjaamo: the exe's CompanyName and the MSI's Manufacturer (`packaging/`).
const PUBLISHER: &str = "Kirjaamo-projekti";

fn main() -> Result<(), String> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/kirjaamo.ico");
    println!("cargo:rerun-if-changed=assets/windows/kirjaamo.exe.manifest");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return Ok(());
    }
    let var = |name: &str| std::env::var(name).map_err(|e| format!("{name}: {e}"));
    let root = PathBuf::from(var("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(var("OUT_DIR")?);
    let version = var("CARGO_PKG_VERSION")?;
    let rc = out.join("kirjaamo.rc");
    std::fs::write(&rc, resource_script(&root, &version)?).map_err(|e| format!("{}: {e}", rc.display()))?;
    let object = out.join("kirjaamo-resources.o");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| default_windres());
    let status = Command::new(&windres)
        .arg("--input-format=rc")
        .arg("--output-format=coff")
        .arg("-i")
        .arg(&rc)
        .arg("-o")
        .arg(&object)
        .status()
        .map_err(|e| format!("{windres} could not run ({e}); install mingw-w64 or set WINDRES"))?;
    if !status.success() {
        return Err(format!("{windres} failed on {} ({status})", rc.display()));
    }
    // Only the executable carries the resources; the tests and benches do not need them.
    println!("cargo:rustc-link-arg-bins={}", object.display());
    Ok(())
}

/// The mingw resource compiler for the target: the cross one on Linux, `windres` on Windows.
fn default_windres() -> String {
    if cfg!(windows) { "windres".into() } else { "x86_64-w64-mingw32-windres".into() }
}

/// The `.rc` text: icon, manifest and version information in Finnish (the product's first
/// language) with the strings of `Cargo.toml`.
fn resource_script(root: &Path, version: &str) -> Result<String, String> {
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| part.parse().map_err(|e| format!("version {version}: {e}")))
        .collect::<Result<_, _>>()?;
    let [major, minor, patch] = numbers[..] else {
        return Err(format!("version {version} is not major.minor.patch"));
    };
    let path = |relative: &str| root.join(relative).display().to_string().replace('\\', "/");
    let description = std::env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    let strings = [
        ("CompanyName", PUBLISHER.to_owned()),
        ("FileDescription", "Kirjaamo".to_owned()),
        ("FileVersion", version.to_owned()),
        ("InternalName", "kirjaamo".to_owned()),
        ("LegalCopyright", "EUPL-1.2".to_owned()),
        ("OriginalFilename", "kirjaamo.exe".to_owned()),
        ("ProductName", "Kirjaamo".to_owned()),
        ("ProductVersion", version.to_owned()),
        ("Comments", description),
    ];
    let values: String = strings
        .iter()
        .map(|(name, value)| format!("      VALUE \"{name}\", \"{}\"\n", value.replace('"', "\"\"")))
        .collect();
    Ok(format!(
        "1 ICON \"{icon}\"\n\
         1 24 \"{manifest}\"\n\
         1 VERSIONINFO\n\
         FILEVERSION {major},{minor},{patch},0\n\
         PRODUCTVERSION {major},{minor},{patch},0\n\
         FILEFLAGSMASK 0x3f\n\
         FILEFLAGS 0\n\
         FILEOS 0x40004\n\
         FILETYPE 1\n\
         FILESUBTYPE 0\n\
         BEGIN\n\
         \x20 BLOCK \"StringFileInfo\"\n\
         \x20 BEGIN\n\
         \x20   BLOCK \"040B04B0\"\n\
         \x20   BEGIN\n\
         {values}\
         \x20   END\n\
         \x20 END\n\
         \x20 BLOCK \"VarFileInfo\"\n\
         \x20 BEGIN\n\
         \x20   VALUE \"Translation\", 0x040B, 1200\n\
         \x20 END\n\
         END\n",
        icon = path("assets/icon/kirjaamo.ico"),
        manifest = path("assets/windows/kirjaamo.exe.manifest"),
    ))
}
