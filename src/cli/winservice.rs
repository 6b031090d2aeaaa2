//! `kirjaamo windows-service`: the automatic export as a Windows service, `KirjaamoExport`.
//! `install` registers it (or, when it is there already, points it at this exe and starts it
//! again if it starts automatically: an upgrade), `uninstall` stops it and removes it (`--keep`
//! only stops it), and `run` is what the Service Control Manager starts: `kirjaamo service`
//! whose stop is the manager's. The MSI's "Automatic export as a Windows service" feature runs
//! `install` and `uninstall`. The service's journal, logs and status file are in
//! `%ProgramData%\Kirjaamo\service` unless `KIRJAAMO_DATA_DIR` says otherwise.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;

/// The service's name in the Service Control Manager (`sc query KirjaamoExport`).
pub const NAME: &str = "KirjaamoExport";

/// `kirjaamo windows-service …`
#[derive(Debug, Subcommand)]
pub enum WindowsServiceCommand {
    /// Register the service (automatic start, restarted after a failure); when it is registered
    /// already, point it at this exe, keeping its account, and start it again if it starts
    /// automatically.
    Install {
        /// Only when it is registered already (what every install of the MSI runs: an upgrade
        /// without the feature's own records).
        #[arg(long)]
        if_registered: bool,
    },
    /// Stop the service and remove it.
    Uninstall {
        /// Only stop it (an upgrade replaces the exe and starts it again).
        #[arg(long)]
        keep: bool,
    },
    /// What the Service Control Manager starts: `kirjaamo service` until the service is stopped.
    Run(Box<super::service::ServiceArgs>),
}

/// The folder of the service's journal, logs and status file: `%ProgramData%\Kirjaamo\service`,
/// where IT's monitoring finds `service-status.json` whichever account the service runs as.
pub fn data_dir() -> Option<PathBuf> {
    kirjaamo::paths::program_data().map(|data| data.join("Kirjaamo").join("service"))
}

/// Runs `install` or `uninstall`; `run` goes through [`run_service`].
pub fn manage(command: &WindowsServiceCommand) -> Result<()> {
    #[cfg(windows)]
    {
        scm::manage(command)
    }
    #[cfg(not(windows))]
    {
        let _ = command;
        anyhow::bail!(
            "the service {NAME} exists only on Windows; on Linux the .deb installs the systemd unit kirjaamo-export"
        )
    }
}

/// Hands the process to the Service Control Manager and runs the service on `runtime` until the
/// manager stops it; returns whether it stopped cleanly.
pub fn run_service(
    runtime: &tokio::runtime::Runtime,
    args: super::service::ServiceArgs,
    mappings: Option<PathBuf>,
) -> Result<bool> {
    #[cfg(windows)]
    {
        scm::run(runtime.handle().clone(), args, mappings)
    }
    #[cfg(not(windows))]
    {
        let _ = (runtime, args, mappings);
        anyhow::bail!("Windows services exist only on Windows; run `kirjaamo service` instead")
    }
}

#[cfg(windows)]
mod scm {
    use std::ffi::OsString;
    use std::path::PathBuf;
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    use anyhow::{Context, Result};
    use tokio_util::sync::CancellationToken;
    use windows_service::service::{
        ServiceAccess, ServiceAction, ServiceActionType, ServiceControl, ServiceControlAccept, ServiceErrorControl,
        ServiceExitCode, ServiceFailureActions, ServiceFailureResetPeriod, ServiceInfo, ServiceStartType, ServiceState,
        ServiceStatus, ServiceType,
    };
    use windows_service::service_control_handler::{self, ServiceControlHandlerResult};
    use windows_service::service_manager::{ServiceManager, ServiceManagerAccess};

    use super::{NAME, WindowsServiceCommand};
    use crate::cli::service::ServiceArgs;

    const DISPLAY_NAME: &str = "Kirjaamo: automaattinen kirjaus";
    const DESCRIPTION: &str = "Kirjaa ePalvelun automaattiset asiointitapahtumat TWebiin (kirjaamo service).";
    /// The Win32 error of a service that does not exist.
    const NO_SUCH_SERVICE: i32 = 1060;

    pub fn manage(command: &WindowsServiceCommand) -> Result<()> {
        match command {
            WindowsServiceCommand::Install { if_registered } => install(*if_registered),
            WindowsServiceCommand::Uninstall { keep } => uninstall(*keep),
            WindowsServiceCommand::Run(_) => Ok(()),
        }
    }

    fn info(executable_path: PathBuf, start_type: ServiceStartType) -> ServiceInfo {
        ServiceInfo {
            name: NAME.into(),
            display_name: DISPLAY_NAME.into(),
            service_type: ServiceType::OWN_PROCESS,
            start_type,
            error_control: ServiceErrorControl::Normal,
            executable_path,
            launch_arguments: vec![OsString::from("windows-service"), OsString::from("run")],
            dependencies: Vec::new(),
            // None keeps the account IT set (`change_config`) or is LocalSystem (`create_service`).
            account_name: None,
            account_password: None,
        }
    }

    fn missing(e: &windows_service::Error) -> bool {
        matches!(e, windows_service::Error::Winapi(io) if io.raw_os_error() == Some(NO_SUCH_SERVICE))
    }

    fn install(if_registered: bool) -> Result<()> {
        let exe = std::env::current_exe().context("this exe's path is not known")?;
        let manager = ServiceManager::local_computer(
            None::<&str>,
            ServiceManagerAccess::CONNECT | ServiceManagerAccess::CREATE_SERVICE,
        )
        .context("the Service Control Manager refused (run as an administrator)")?;
        let access = ServiceAccess::QUERY_CONFIG
            | ServiceAccess::CHANGE_CONFIG
            | ServiceAccess::START
            | ServiceAccess::QUERY_STATUS;
        match manager.open_service(NAME, access) {
            Ok(service) => {
                let config = service.query_config().context("reading the service's configuration")?;
                service.change_config(&info(exe, config.start_type)).context("pointing the service at this exe")?;
                if config.start_type == ServiceStartType::AutoStart
                    && service.query_status().is_ok_and(|s| s.current_state == ServiceState::Stopped)
                {
                    service.start(&[] as &[&str]).context("starting the service again")?;
                    println!("The service {NAME} now runs this version.");
                } else {
                    println!("The service {NAME} now runs this version when it is started.");
                }
            }
            Err(e) if missing(&e) && if_registered => {}
            Err(e) if missing(&e) => {
                let service = manager
                    .create_service(&info(exe, ServiceStartType::AutoStart), access)
                    .context("registering the service")?;
                // Optional settings: a Service Control Manager without them still runs the service.
                let _ = service.set_description(DESCRIPTION);
                let _ = service.set_delayed_auto_start(true);
                let restart = ServiceAction { action_type: ServiceActionType::Restart, delay: Duration::from_secs(60) };
                let _ = service.update_failure_actions(ServiceFailureActions {
                    reset_period: ServiceFailureResetPeriod::After(Duration::from_secs(24 * 3600)),
                    reboot_msg: None,
                    command: None,
                    actions: Some(vec![restart.clone(), restart.clone(), restart]),
                });
                let _ = service.set_failure_actions_on_non_crash_failures(true);
                println!(
                    "Registered the service {NAME} (automatic start, as LocalSystem). Store its secrets, then start it: docs/installing.md."
                );
            }
            Err(e) => return Err(e).context("opening the service"),
        }
        Ok(())
    }

    fn uninstall(keep: bool) -> Result<()> {
        let manager = ServiceManager::local_computer(None::<&str>, ServiceManagerAccess::CONNECT)
            .context("the Service Control Manager refused (run as an administrator)")?;
        let access = ServiceAccess::QUERY_STATUS | ServiceAccess::STOP | ServiceAccess::DELETE;
        let service = match manager.open_service(NAME, access) {
            Ok(service) => service,
            Err(e) if missing(&e) => return Ok(()),
            Err(e) => return Err(e).context("opening the service"),
        };
        if service.query_status().is_ok_and(|s| s.current_state != ServiceState::Stopped) {
            let _ = service.stop();
            // The filing under way stops where it stands; the service says Stopped when it has.
            let end = Instant::now() + Duration::from_secs(60);
            while Instant::now() < end && service.query_status().is_ok_and(|s| s.current_state != ServiceState::Stopped)
            {
                std::thread::sleep(Duration::from_millis(250));
            }
        }
        if !keep {
            service.delete().context("removing the service")?;
        }
        Ok(())
    }

    /// What the dispatcher's thread takes: the service's options and the runtime to run it on.
    struct Job {
        handle: tokio::runtime::Handle,
        args: ServiceArgs,
        mappings: Option<PathBuf>,
    }

    static JOB: Mutex<Option<Job>> = Mutex::new(None);
    static CLEAN: Mutex<Option<bool>> = Mutex::new(None);

    windows_service::define_windows_service!(ffi_service_main, service_main);

    pub fn run(handle: tokio::runtime::Handle, args: ServiceArgs, mappings: Option<PathBuf>) -> Result<bool> {
        *JOB.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Job { handle, args, mappings });
        windows_service::service_dispatcher::start(NAME, ffi_service_main).context(
            "only the Service Control Manager starts `windows-service run`; from a console, run `kirjaamo service`",
        )?;
        Ok(CLEAN.lock().unwrap_or_else(std::sync::PoisonError::into_inner).unwrap_or(false))
    }

    fn service_main(_arguments: Vec<OsString>) {
        let Some(job) = JOB.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take() else { return };
        let stop = CancellationToken::new();
        let on_stop = stop.clone();
        let handler = move |control| match control {
            ServiceControl::Stop | ServiceControl::Shutdown | ServiceControl::Preshutdown => {
                on_stop.cancel();
                ServiceControlHandlerResult::NoError
            }
            ServiceControl::Interrogate => ServiceControlHandlerResult::NoError,
            _ => ServiceControlHandlerResult::NotImplemented,
        };
        let status = match service_control_handler::register(NAME, handler) {
            Ok(status) => status,
            Err(e) => {
                tracing::error!("the service could not register with the Service Control Manager: {e}");
                return;
            }
        };
        let tell = |state: ServiceState, code: u32| {
            let accepted = if state == ServiceState::Running {
                ServiceControlAccept::STOP | ServiceControlAccept::SHUTDOWN
            } else {
                ServiceControlAccept::empty()
            };
            let _ = status.set_service_status(ServiceStatus {
                service_type: ServiceType::OWN_PROCESS,
                current_state: state,
                controls_accepted: accepted,
                exit_code: ServiceExitCode::Win32(code),
                checkpoint: 0,
                wait_hint: Duration::from_secs(30),
                process_id: None,
            });
        };
        tell(ServiceState::Running, 0);
        let result = job.handle.block_on(crate::cli::service::run_until(job.args, job.mappings, stop));
        let clean = match result {
            Ok(clean) => clean,
            Err(e) => {
                tracing::error!("the automatic export stopped: {}", kirjaamo::error_chain(e.as_ref()));
                false
            }
        };
        *CLEAN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(clean);
        // A non-zero exit code makes the manager apply the failure actions (a restart).
        tell(ServiceState::Stopped, if clean { 0 } else { 1 });
    }
}
