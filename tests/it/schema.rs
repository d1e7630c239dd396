//! The two back ends must hold the same data: same migration versions, same tables, same
//! columns. The column comparison needs both databases: like every `pg_only_` test it runs in
//! the PostgreSQL pass, and the SQLite pass leaves it out (`-E 'not test(/pg_only_/)'`), so
//! nextest reports it as skipped there rather than passed.

use crate::helpers;

use std::collections::BTreeSet;

use have_your_say::store::Store;

fn versions(folder: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(folder);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn both_migration_folders_hold_the_same_versions() {
    let sqlite = versions("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, versions("postgres"));
}

async fn columns(store: &Store, query: &str) -> BTreeSet<(String, String)> {
    sqlx::query_as::<_, (String, String)>(query)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .into_iter()
        .filter(|(table, _)| !table.starts_with("_sqlx") && !table.starts_with("sqlite_"))
        .collect()
}

#[tokio::test]
async fn pg_only_both_schemas_have_the_same_tables_and_columns() {
    assert!(
        helpers::is_postgres(),
        "PostgreSQL only: set TEST_DATABASE_URL=postgres://..., or leave this test out with \
         -E 'not test(/pg_only_/)' as the SQLite pass of .ci/test-all does"
    );
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::connect(
        &format!("sqlite://{}", dir.path().join("s.db").display()),
        1,
    )
    .await
    .unwrap();
    sqlite.migrate().await.unwrap();
    let database = helpers::fresh_database_url(dir.path()).await;
    let postgres = Store::connect(&database, 1).await.unwrap();
    postgres.migrate().await.unwrap();

    let in_sqlite = columns(
        &sqlite,
        "select m.name, p.name from sqlite_master m join pragma_table_info(m.name) p \
         where m.type = 'table'",
    )
    .await;
    let in_postgres = columns(
        &postgres,
        "select table_name::text, column_name::text from information_schema.columns \
         where table_schema = 'public'",
    )
    .await;

    assert!(in_sqlite.contains(&("cases".into(), "reference".into())));
    assert_eq!(in_sqlite, in_postgres);
}
