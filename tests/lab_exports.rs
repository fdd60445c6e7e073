//! The labs' exported files: the Keras script is valid Python (`python3 -m py_compile`) in every
//! loss semantics and with early stopping, and names the data file and the architecture; the
//! bioreactor lab's reads a table of numbers, standardised as in the browser.

use seqlab::lab::keras_script::{Targets, keras_script};
use seqlab::nn::{
    LossConfig, LossKind, LossSemantics, ModelSpec, OptimizerConfig, Padding, SgdConfig,
};
use seqlab::training::{EarlyStopping, Monitor, TrainConfig, ValidationMode};
use std::process::Command;

fn config(semantics: LossSemantics) -> TrainConfig {
    TrainConfig {
        batch_size: 100,
        epochs: 20,
        validation_split: 0.1,
        validation_mode: ValidationMode::LastRows,
        shuffle: true,
        seed: 0,
        loss: LossConfig {
            kind: LossKind::CategoricalCrossentropy,
            semantics,
        },
        optimizer: OptimizerConfig::default(),
        early_stopping: None,
    }
}

fn assert_compiles(script: &str, name: &str) {
    let path = std::env::temp_dir().join(format!("seqlab_{name}_{}.py", std::process::id()));
    std::fs::write(&path, script).unwrap();
    let output = Command::new("python3")
        .arg("-m")
        .arg("py_compile")
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{name}: {}\n{script}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn keras_scripts_are_valid_python() {
    let spec = ModelSpec::lecture(Padding::Valid);
    let script = keras_script(
        &spec,
        &config(LossSemantics::KerasFit),
        7,
        "seqlab_motif_data.csv",
        Targets::MotifClasses,
        None,
    );
    assert!(script.contains("keras.layers.Conv1D(10, 5, padding=\"valid\", activation=\"relu\")"));
    assert!(
        script.contains("keras.layers.MaxPooling1D(4)")
            && script.contains("keras.layers.Dense(2, activation=\"sigmoid\")")
    );
    assert!(
        script.contains("validation_split=0.1")
            && script.contains("batch_size=100")
            && script.contains("epochs=20")
    );
    assert!(
        script.contains("DATA_FILE = \"seqlab_motif_data.csv\"")
            && script.contains("set_random_seed(7)")
    );
    assert!(script.contains("loss=\"categorical_crossentropy\""));
    assert_compiles(&script, "fit");

    let mut classic = config(LossSemantics::ClassicNormaliseClip);
    classic.optimizer = OptimizerConfig::Sgd(SgdConfig {
        learning_rate: 0.05,
        momentum: 0.9,
    });
    classic.early_stopping = Some(EarlyStopping {
        monitor: Monitor::ValLoss,
        patience: 3,
        restore_best_weights: true,
    });
    let script = keras_script(
        &ModelSpec::lecture(Padding::Same),
        &classic,
        1,
        "d.csv",
        Targets::MotifClasses,
        None,
    );
    assert!(
        script.contains("y_pred * 1.0") && script.contains("SGD(learning_rate=0.05, momentum=0.9)")
    );
    assert!(
        script
            .contains("EarlyStopping(monitor=\"val_loss\", patience=3, restore_best_weights=True)")
    );
    assert_compiles(&script, "classic");

    let regression = seqlab::training::bench::cases().remove(3).spec;
    let mut mse = config(LossSemantics::KerasFit);
    mse.loss.kind = LossKind::MeanSquaredError;
    let script = keras_script(
        &regression,
        &mse,
        2,
        "utr.csv",
        Targets::Value {
            mean: 5.6,
            std: 1.3,
        },
        Some(50),
    );
    assert!(
        script.contains("keras.layers.Dropout(0.2)") && script.contains("MEAN, STD = 5.6, 1.3")
    );
    assert_compiles(&script, "regression");
}

#[test]
fn the_tabular_script_reads_the_feature_columns_standardised_as_in_the_browser() {
    use seqlab::lab::bioreactor::{
        LabData, Params, Settings, keras_export, runs_table, simulate_settings,
    };
    use seqlab::lab::keras_script::{BrowserRun, Input};
    use seqlab::lang::Lang;
    let settings = Settings {
        runs: 40,
        ..Settings::default()
    };
    let runs = simulate_settings(&settings, &Params::E_COLI);
    let mut table = runs_table(&runs, Lang::En);
    // A column name Python must escape.
    table.columns[1] = "pH \"as measured\"".into();
    let data = LabData::new(table, 0.2, 1).unwrap();
    let browser = BrowserRun {
        epochs: 2000,
        metrics: vec![("test r2".into(), 0.9512)],
    };
    let export = keras_export(
        &settings,
        &data,
        &data.scaling,
        "seqlab_bioreactor_data.csv".into(),
        Some(browser),
    );
    let Input::Table { features, target } = &export.input else {
        panic!("a table input");
    };
    assert_eq!(features.len(), 6);
    assert_eq!(target, "titer (mg/L)");
    assert_eq!(features[0].mean, data.scaling.features[0].mean);
    let script = export.script();
    for expected in [
        "FEATURES = [\"temperature (°C)\", \"pH \\\"as measured\\\"\", \"feed rate (mL/h)\"",
        "X = (raw - MEANS) / SDS",
        "float(r[\"titer (mg/L)\"])",
        "keras.Input(shape=(6,))",
        "keras.layers.Dense(16, activation=\"relu\")",
        "keras.layers.Dense(1, activation=\"linear\")",
        "batch_size=32",
        "epochs=2000",
        "learning_rate=0.01",
        "encoding=\"utf-8\"",
        "browser 0.9512",
    ] {
        assert!(script.contains(expected), "missing {expected} in\n{script}");
    }
    assert!(!script.contains("one_hot") && !script.contains("LENGTH"));
    let mean = format!(
        "MEAN, STD = {}, {}",
        data.scaling.target.mean, data.scaling.target.std
    );
    assert!(script.contains(&mean), "{mean}");
    assert_compiles(&script, "tabular");
    // The notebook's code cells are the script's code.
    let notebook: serde_json::Value = serde_json::from_str(&export.notebook(Lang::Ko)).unwrap();
    let cells = notebook["cells"].as_array().unwrap();
    for cell in cells.iter().filter(|c| c["cell_type"] == "code") {
        let code: String = cell["source"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert!(script.contains(&code), "{code}");
    }
    assert!(cells[3]["source"][0].as_str().unwrap().contains("표준화"));
}

#[test]
#[ignore = "prints the lecture script for reading: cargo test --test lab_exports -- --ignored --nocapture"]
fn print_the_lecture_script() {
    let script = keras_script(
        &ModelSpec::lecture(Padding::Valid),
        &config(LossSemantics::KerasFit),
        0,
        "seqlab_motif_data.csv",
        Targets::MotifClasses,
        None,
    );
    println!("{script}");
}

#[test]
#[ignore = "writes the lecture data and script for a manual Keras run: SEQLAB_EXPORT_DIR=dir cargo test --test lab_exports -- --ignored"]
fn write_the_lecture_export_for_a_keras_run() {
    let Ok(dir) = std::env::var("SEQLAB_EXPORT_DIR") else {
        return;
    };
    let motif = seqlab::bio::simulate::lecture_motif()
        .normalize(0.0)
        .unwrap();
    let experiment = seqlab::lab::motif::MotifExperiment::new(
        &motif,
        &seqlab::bio::simulate::SimulationConfig::default(),
        0.2,
        125,
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/seqlab_motif_data.csv"),
        experiment.data_csv(),
    )
    .unwrap();
    let script = keras_script(
        &ModelSpec::lecture(Padding::Same),
        &config(LossSemantics::KerasFit),
        0,
        "seqlab_motif_data.csv",
        Targets::MotifClasses,
        None,
    );
    std::fs::write(format!("{dir}/seqlab_motif_keras.py"), script).unwrap();
}
