use std::process::ExitCode;

fn main() -> ExitCode {
    // Before the runtime starts any thread.
    have_your_say::app::tune_allocator();
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(have_your_say::app::main()),
        Err(e) => {
            eprintln!("have-your-say: cannot start the runtime: {e}");
            ExitCode::FAILURE
        }
    }
}
