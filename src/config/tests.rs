use super::*;

/// The overrides clap reads from these flags (and any `HYS_*` variables).
fn from_flags(args: &[&str]) -> Result<Overrides, clap::Error> {
    #[derive(clap::Parser)]
    struct Flags {
        #[command(flatten)]
        settings: Overrides,
    }
    use clap::Parser;
    Flags::try_parse_from(std::iter::once("have-your-say").chain(args.iter().copied()))
        .map(|f| f.settings)
}

#[test]
fn environment_overrides_file_which_overrides_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hys.toml");
    std::fs::write(
        &file,
        "authority_name = \"Fileshire\"\nhelp_phone = \"0100\"\n",
    )
    .unwrap();
    let env = Overrides {
        help_phone: Some("0200".into()),
        ..Default::default()
    };
    let config = Config::load(Some(&file), &env).unwrap();
    assert_eq!(config.authority_name, "Fileshire");
    assert_eq!(config.help_phone, "0200");
    assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
}

#[test]
fn unknown_keys_in_the_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hys.toml");
    std::fs::write(&file, "authority = \"typo\"\n").unwrap();
    let err = Config::load(Some(&file), &Overrides::default()).unwrap_err();
    assert!(err.to_string().contains("hys.toml"), "{err}");
}

#[test]
fn debug_output_hides_the_database_password() {
    let config = Config {
        database_url: "postgres://hys:hunter2@db/hys".into(),
        ..Config::default()
    };
    let shown = format!("{config:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("postgres://hys:***@db/hys"), "{shown}");
}

#[test]
fn recipients_come_from_the_environment_as_lists() {
    let env = Overrides {
        rights_officer_email: Some("a@council.gov.uk, b@council.gov.uk".parse().unwrap()),
        ..Default::default()
    };
    let config = Config::load(None, &env).unwrap();
    assert_eq!(
        config.routing.rights_officer,
        ["a@council.gov.uk", "b@council.gov.uk"]
    );
    assert!(is_placeholder(&config.routing.urgent[0]));
}

#[test]
fn category_recipients_come_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hys.toml");
    std::fs::write(
        &file,
        "[category_recipients]\nleaving_care = [\"lc@council.gov.uk\"]\n",
    )
    .unwrap();
    let config = Config::load(Some(&file), &Overrides::default()).unwrap();
    assert_eq!(
        config.routing.by_category["leaving_care"],
        ["lc@council.gov.uk"]
    );
    std::fs::write(&file, "[category_recipients]\nnonsense = [\"x@y.uk\"]\n").unwrap();
    assert!(Config::load(Some(&file), &Overrides::default()).is_err());
}

#[test]
fn production_refuses_placeholder_recipients_and_the_mail_drop() {
    let mut env = Overrides {
        environment: Some(Environment::Production),
        public_url: Some("https://hys.council.gov.uk".into()),
        ..Default::default()
    };
    let err = Config::load(None, &env).unwrap_err().to_string();
    assert!(err.contains("HYS_URGENT_EMAIL is the placeholder"), "{err}");
    assert!(err.contains("HYS_SMTP_URL is not set"), "{err}");
    env.rights_officer_email = Some("cro@council.gov.uk".parse().unwrap());
    env.advocacy_email = Some("referrals@advocacy.org.uk".parse().unwrap());
    env.urgent_email = Some("mash@council.gov.uk".parse().unwrap());
    env.mail_from = Some("Have Your Say <hys@council.gov.uk>".into());
    env.smtp_url = Some("smtp://relay.council.gov.uk:25?tls=required".into());
    assert!(Config::load(None, &env).is_ok());
}

#[test]
fn closure_days_and_proxies_are_parsed_or_refused() {
    let env = Overrides {
        closure_days: Some("2026-12-29, 2026-12-30".parse().unwrap()),
        trusted_proxies: Some("10.0.0.1".parse().unwrap()),
        ..Default::default()
    };
    let config = Config::load(None, &env).unwrap();
    assert_eq!(config.closure_days.len(), 2);
    assert_eq!(config.trusted_proxies.len(), 1);
    for bad in [
        ["--closure-days", "29/12/2026"],
        ["--trusted-proxies", "proxy.local"],
    ] {
        assert!(from_flags(&bad).is_err());
    }
}

#[test]
fn an_address_that_is_not_an_email_is_refused() {
    let env = from_flags(&["--urgent-email", "duty team"]).unwrap();
    assert!(Config::load(None, &env).is_err());
}

#[test]
fn the_minimum_completion_time_comes_from_the_file_or_the_environment() {
    assert_eq!(Config::default().min_completion_seconds, 15);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hys.toml");
    std::fs::write(&file, "min_completion_seconds = 30\n").unwrap();
    let from_file = Config::load(Some(&file), &Overrides::default()).unwrap();
    assert_eq!(from_file.min_completion_seconds, 30);
    let env = Overrides {
        min_completion_seconds: Some(0),
        ..Default::default()
    };
    assert_eq!(
        Config::load(Some(&file), &env)
            .unwrap()
            .min_completion_seconds,
        0
    );
}

#[test]
fn production_needs_https() {
    let env = Overrides {
        environment: Some(Environment::Production),
        ..Default::default()
    };
    assert!(Config::load(None, &env).is_err());
}
#[test]
fn a_bad_value_in_the_file_names_its_setting_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hys.toml");
    std::fs::write(
        &file,
        "help_phone = \"0100\"\ntrusted_proxies = \"proxy.local\"\n",
    )
    .unwrap();
    let err = Config::load(Some(&file), &Overrides::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("trusted_proxies"), "{err}");
    assert!(
        err.contains("\"proxy.local\" is not an IP address"),
        "{err}"
    );
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn a_bad_flag_or_variable_names_its_setting() {
    let err = from_flags(&["--corporate-stage-days", "10,200"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("--corporate-stage-days"), "{err}");
    assert!(
        err.contains("\"200\" is not a number of working days"),
        "{err}"
    );
    let env = from_flags(&["--mail-retry-seconds=-1"]).unwrap();
    let err = Config::load(None, &env).unwrap_err().to_string();
    assert!(err.contains("HYS_MAIL_RETRY_SECONDS"), "{err}");
}

#[test]
fn help_shows_each_default_from_the_one_table() {
    use clap::CommandFactory;
    #[derive(clap::Parser)]
    struct Flags {
        #[command(flatten)]
        settings: Overrides,
    }
    let help = Flags::command().render_help().to_string();
    for shown in [
        "[default: 127.0.0.1:8080]",
        "[default: 7]",
        "[default: development]",
        "[default: safeguarding@example.invalid]",
        "[default: 10,20]",
        "[default: none]",
        "[env: HYS_SMTP_URL]",
    ] {
        assert!(help.contains(shown), "{shown} missing from\n{help}");
    }
}

#[test]
fn secrets_are_never_printed() {
    let env = from_flags(&[
        "--smtp-url",
        "smtps://hys:hunter2@relay.council.gov.uk:465",
        "--imap-password",
        "correct-horse",
    ])
    .unwrap();
    let shown = format!("{env:?}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("correct-horse"),
        "{shown}"
    );
    let config = Config::load(None, &env).unwrap();
    let shown = format!("{config:?} {:?}", config.mail);
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("smtps://hys:***@relay"), "{shown}");
}

#[test]
fn the_defaults_are_a_valid_configuration() {
    let config = Config::from_settings(Settings::default()).unwrap();
    assert_eq!(config.public_url, "http://127.0.0.1:8080");
    assert_eq!(config.procedures.corporate_stage_days, [10, 20]);
    assert_eq!(config.reminders, super::reminders::Settings::default());
}
