//! The annual report the law requires (Regulation 13(3)): the tables the councils publish,
//! counted from the case store for a financial year (1 April – 31 March) and the year before.

use crate::config::Config;

/// `have-your-say report --year Y --format csv|json|html`.
pub async fn run_report(_config: &Config, _year: i32, _format: &str) -> Result<String, String> {
    Err("the annual report is not built yet".into())
}

/// `have-your-say demo-data --cases N --years K`.
pub async fn run_demo_data(_config: &Config, _cases: u32, _years: u32) -> Result<String, String> {
    Err("demo data is not built yet".into())
}
