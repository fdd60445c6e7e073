//! The desk keeps each session's run apart, shares the worker batch by batch, answers a
//! prediction with the right session's weights, and matches one worker per session exactly.

use super::*;
use crate::training::job::tests::job;
use crate::training::job::{PredictJob, PredictModel};

fn start(desk: &mut Desk, session: u32, epochs: usize, run: u64) -> Vec<Addressed<FromWorker>> {
    let mut job = job(epochs);
    job.run = run;
    desk.receive(Addressed::new(session, ToWorker::Start(Box::new(job))))
}

/// Steps the desk until it is idle; every message it posted, in order.
fn drain(desk: &mut Desk) -> Vec<Addressed<FromWorker>> {
    let mut now = || 0.0;
    let mut out = Vec::new();
    while desk.is_busy() {
        out.extend(desk.step(&mut now));
    }
    out
}

fn finished(messages: &[Addressed<FromWorker>], session: u32) -> Option<&FromWorker> {
    messages
        .iter()
        .filter(|m| m.session == session)
        .map(|m| &m.message)
        .find(|m| matches!(m, FromWorker::Finished { .. }))
}

#[test]
fn two_sessions_train_side_by_side_with_the_results_of_one_worker_each() {
    let mut desk = Desk::default();
    assert!(matches!(
        start(&mut desk, 1, 2, 11)[..],
        [Addressed {
            session: 1,
            message: FromWorker::Started { .. }
        }]
    ));
    start(&mut desk, 2, 3, 22);
    let messages = drain(&mut desk);
    // Batches alternate between the two sessions while both run.
    let batches: Vec<u32> = messages
        .iter()
        .filter(|m| {
            matches!(
                m.message,
                FromWorker::Batch { .. } | FromWorker::Epoch { .. }
            )
        })
        .map(|m| m.session)
        .collect();
    assert!(
        batches.windows(2).take(4).all(|w| w[0] != w[1]),
        "{batches:?}"
    );
    // Each session's result is what a worker of its own gives.
    for (session, epochs) in [(1, 2), (2, 3)] {
        let mut alone = JobRunner::start(job(epochs)).unwrap();
        let mut now = || 0.0;
        let mut own = Vec::new();
        while alone.is_running() {
            own.extend(alone.step(&mut now));
        }
        let (
            Some(FromWorker::Finished { model, history, .. }),
            Some(FromWorker::Finished {
                model: own_model,
                history: own_history,
                ..
            }),
        ) = (finished(&messages, session), own.last())
        else {
            panic!("session {session} did not finish")
        };
        assert_eq!(model, own_model);
        assert_eq!(history, own_history);
    }
}

#[test]
fn stop_and_resume_reach_only_their_session() {
    let mut desk = Desk::default();
    start(&mut desk, 1, 50, 1);
    start(&mut desk, 2, 1, 2);
    let stopped = desk.receive(Addressed::new(1, ToWorker::Stop));
    assert!(matches!(
        stopped[..],
        [Addressed {
            session: 1,
            message: FromWorker::Paused { .. }
        }]
    ));
    // Session 2 trains to its end; session 1 stays paused.
    let messages = drain(&mut desk);
    assert!(messages.iter().all(|m| m.session == 2));
    assert!(finished(&messages, 2).is_some());
    // A session that never started has nothing to stop.
    assert!(desk.receive(Addressed::new(3, ToWorker::Stop)).is_empty());
    desk.receive(Addressed::new(1, ToWorker::Resume { more_epochs: 0 }));
    assert!(finished(&drain(&mut desk), 1).is_some());
}

#[test]
fn a_prediction_names_its_own_sessions_run_and_can_be_cancelled() {
    let mut desk = Desk::default();
    start(&mut desk, 1, 1, 7);
    start(&mut desk, 2, 1, 8);
    drain(&mut desk);
    let ask = |request, run| {
        let mut job = PredictJob::sequences(
            request,
            PredictModel::Run(run),
            vec!["CCGGAACCGGAACCGGAACC".into()],
            None,
        );
        job.request = request;
        ToWorker::Predict(Box::new(job))
    };
    // Session 2 asks with session 1's run number: refused, for session 2 only.
    let refused = desk.receive(Addressed::new(2, ask(1, 7)));
    assert!(matches!(
        refused[..],
        [Addressed {
            session: 2,
            message: FromWorker::PredictFailed { request: 1, .. }
        }]
    ));
    assert!(desk.receive(Addressed::new(1, ask(5, 7))).is_empty());
    assert!(desk.receive(Addressed::new(2, ask(5, 8))).is_empty());
    // Cancelling session 1's request 5 leaves session 2's request 5.
    desk.receive(Addressed::new(1, ToWorker::Cancel { request: 5 }));
    let answers = drain(&mut desk);
    let answered: Vec<u32> = answers
        .iter()
        .filter(|m| matches!(m.message, FromWorker::Predictions { request: 5, .. }))
        .map(|m| m.session)
        .collect();
    assert_eq!(answered, vec![2]);
}

#[test]
fn envelopes_cross_the_worker_boundary_as_json() {
    let message = Addressed::new(3, ToWorker::Resume { more_epochs: 4 });
    let text = serde_json::to_string(&message).unwrap();
    assert_eq!(
        text,
        r#"{"session":3,"message":{"type":"resume","more_epochs":4}}"#
    );
    assert_eq!(
        serde_json::from_str::<Addressed<ToWorker>>(&text).unwrap(),
        message
    );
    let ready = serde_json::to_string(&Addressed::everyone(FromWorker::Ready)).unwrap();
    assert_eq!(ready, r#"{"session":0,"message":{"type":"ready"}}"#);
}
