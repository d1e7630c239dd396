use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    have_your_say::app::main().await
}
