use super::*;
use crate::model::{validate_new_customer, CustomerDraft};
use chrono::Utc;

fn customer(name: &str) -> Customer {
    let draft = CustomerDraft {
        name: name.into(),
        ..Default::default()
    };
    let now = Utc::now();
    validate_new_customer(&draft, CustomerId::new_v7(), now, now.date_naive()).unwrap()
}

#[test]
fn a_customer_written_is_read_back_after_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let anna = customer("Anna");
    {
        let store = Store::open(dir.path()).unwrap();
        store.put_customer(&anna).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.customer(&anna.id).unwrap(), Some(anna.clone()));
    assert_eq!(store.customers().unwrap(), vec![anna]);
}

#[test]
fn a_second_open_of_the_same_data_reports_already_open() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyOpen { .. }), "{err}");
    assert!(err.to_string().contains("already open"), "{err}");
}

#[test]
fn the_lock_is_released_when_the_store_closes() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    Store::open(dir.path()).unwrap();
}

#[test]
fn a_new_store_is_at_the_current_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let meta = store.db.open_tree(META).unwrap();
    assert_eq!(migrations::version_for_test(&meta), SCHEMA_VERSION);
}

#[test]
fn a_store_from_a_newer_version_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let meta = store.db.open_tree(META).unwrap();
        migrations::set_version(&meta, SCHEMA_VERSION + 1);
        store.flush().unwrap();
    }
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1));
    // Still refused: nothing was downgraded by the failed attempt.
    assert!(Store::open(dir.path()).is_err());
}

#[test]
fn a_store_whose_files_vanished_is_reported_never_recreated_empty() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.put_customer(&customer("Anna")).unwrap();
    }
    fs::remove_dir_all(dir.path().join("store")).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::LostData { .. }), "{err}");
    assert!(err.to_string().contains("did not replace it"), "{err}");
    assert!(
        !dir.path().join("store").exists(),
        "no empty store was created in its place"
    );
    // The second attempt is refused too: the first did not "heal" it into an empty store.
    assert!(matches!(
        Store::open(dir.path()).unwrap_err(),
        StoreError::LostData { .. }
    ));
}

#[test]
fn a_garbled_database_file_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        for i in 0..50 {
            store.put_customer(&customer(&format!("C{i}"))).unwrap();
        }
    }
    let db_file = dir.path().join("store").join("db");
    let len = fs::metadata(&db_file).unwrap().len() as usize;
    fs::write(&db_file, vec![0xA5u8; len]).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    let text = err.to_string();
    assert!(
        matches!(
            err,
            StoreError::Unreadable { .. } | StoreError::LostData { .. }
        ),
        "{text}"
    );
    assert!(text.contains(&dir.path().display().to_string()), "{text}");
}

#[test]
fn a_record_that_cannot_be_decoded_is_named_by_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let anna = customer("Anna");
    let store = Store::open(dir.path()).unwrap();
    store
        .customers
        .insert(anna.id.as_bytes(), &b"{not json"[..])
        .unwrap();
    let err = store.customers().unwrap_err();
    assert!(matches!(err, StoreError::CorruptRecord { .. }));
    assert!(err.to_string().contains(&anna.id.to_string()), "{err}");
}

#[test]
fn a_store_emptied_behind_our_back_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.put_customer(&customer("Anna")).unwrap();
    }
    // The database directory is replaced by an empty one (e.g. a sync tool).
    fs::remove_dir_all(dir.path().join("store")).unwrap();
    drop(sled::open(dir.path().join("store")).unwrap());
    let err = Store::open(dir.path()).unwrap_err();
    assert!(err.to_string().contains("reads as empty"), "{err}");
}

#[test]
fn upgrading_a_v2_store_builds_the_reminder_indexes_from_its_customers() {
    let dir = tempfile::tempdir().unwrap();
    let mut anna = customer("Anna");
    anna.birthday = Some("1985-11-24".parse().unwrap());
    anna.cadence_days = Some(30);
    let mut archived = customer("Gone");
    archived.birthday = Some("--01-02".parse().unwrap());
    archived.archived_at = Some(Utc::now());
    {
        let store = Store::open(dir.path()).unwrap();
        store.put_customers(&[anna.clone(), archived]).unwrap();
        // Make it look like a v2 store: customers, but no reminder indexes yet.
        store.occasions.clear().unwrap();
        store.keep_in_touch.clear().unwrap();
        migrations::set_version(&store.meta, 2);
        store.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let counts = store.counts();
    assert_eq!((counts.occasions, counts.keep_in_touch), (1, 1));
    assert_eq!(store.yearly_on(11, 24).unwrap()[0].customer, anna.id);
    assert_eq!(migrations::version_for_test(&store.meta), SCHEMA_VERSION);
}

#[test]
fn an_edit_moves_index_entries_instead_of_adding_more() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut anna = customer("Anna");
    anna.birthday = Some("1985-11-24".parse().unwrap());
    store.put_customer(&anna).unwrap();
    anna.birthday = Some("1985-12-01".parse().unwrap());
    store.put_customer(&anna).unwrap();
    assert_eq!(store.counts().occasions, 1);
    assert!(store.yearly_on(11, 24).unwrap().is_empty());
    assert_eq!(store.yearly_on(12, 1).unwrap().len(), 1);
}
