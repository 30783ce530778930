"""How long each result's checks take from an empty cache: the order ``verify`` hands them out in.

CPU seconds of each result's task (derivation, proof, reference route, Monte Carlo) measured in
one process; a run with a cache records its own timings there and uses those instead
(:func:`~modelcollapse.numerics.verify.task_costs`). Only the order of the tasks depends on
these numbers, never a result: a stale or missing entry (1 second) costs some balance between
the workers, nothing else.

>>> COLD_SECONDS["gaussian.kl"] > COLD_SECONDS["poisson.mean"]
True
"""

COLD_SECONDS = {
    "gaussian.variance": 2.0,
    "gaussian.variance_of_variance": 2.1,
    "gaussian.std": 3.6,
    "gaussian.log_variance": 3.6,
    "gaussian.mean_drift": 4.1,
    "gaussian.entropy": 2.1,
    "gaussian.w2": 7.4,
    "gaussian.kl": 9.6,
    "gaussian.schedule": 7.2,
    "categorical.mean": 1.5,
    "categorical.collision": 2.5,
    "categorical.gini_simpson": 2.4,
    "categorical.moment_eigenvalues": 6.7,
    "categorical.fixation": 3.1,
    "categorical.loss_one_step": 0.3,
    "categorical.survival": 0.8,
    "categorical.surviving": 0.6,
    "categorical.tail_loss": 0.2,
    "categorical.entropy_one_step": 0.4,
    "categorical.entropy_bounds": 0.6,
    "categorical.absorption_time": 3.7,
    "poisson.mean": 0.3,
    "poisson.variance": 0.8,
    "exponential.rate": 0.8,
    "exponential.log_rate": 0.8,
    "mixing.fresh_gaussian": 3.4,
    "mixing.fresh_gaussian_drift": 1.6,
    "mixing.fresh_gaussian_ml": 8.6,
    "mixing.fresh_categorical_mean": 2.6,
    "mixing.fresh_categorical": 8.0,
    "mixing.critical_fraction": 0.1,
    "mixing.accumulate_gaussian": 4.6,
    "mixing.accumulate_gaussian_drift": 0.7,
    "mixing.accumulate_subsample": 0.3,
    "mixing.schedule_w2": 8.2,
    "mixing.growing_samples": 0.8,
    "mixing.golden_ratio": 1.0,
    "mixing.golden_ratio_weight": 0.6,
    "sampling.temperature_gaussian": 1.0,
    "sampling.temperature_gaussian_log_variance": 1.6,
    "sampling.temperature_critical_variance": 0.7,
    "sampling.temperature_critical_collapse": 2.0,
    "sampling.truncation_gaussian": 4.4,
    "sampling.best_of_k": 8.7,
    "sampling.temperature_categorical": 0.9,
    "sampling.top_k": 0.4,
    "sampling.top_p": 0.4,
    "sampling.reward_tilting": 1.0,
    "sampling.curation_support": 0.6,
    "information.mean_channel_noise": 0.6,
    "information.test_channel_second_moment": 0.9,
    "information.description_length": 5.9,
    "information.dpi": 1.0,
    "information.rate_distortion_chain": 0.1,
    "information.gaussian_mean_channel": 0.7,
    "information.categorical_kl": 0.7,
}
