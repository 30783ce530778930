"""How long each result's checks take from an empty cache: how ``verify`` splits them between its
processes (whole models, costliest first) and orders them.

CPU seconds of each result's task (derivation, proof, reference route, Monte Carlo,
approximations) measured in a cold two-process ``verify`` (the first result of a model also
derives what the model's other results share); a run with a cache records its own timings
there and uses those instead (:func:`~modelcollapse.numerics.verify.task_costs`). Only the
split and the order depend on these numbers, never a result: a stale or missing entry
(1 second) costs some balance between the workers, nothing else.

>>> COLD_SECONDS["gaussian.kl"] > COLD_SECONDS["poisson.mean"]
True
"""

COLD_SECONDS = {
    "gaussian.variance": 0.8,
    "gaussian.variance_of_variance": 1.6,
    "gaussian.std": 0.6,
    "gaussian.log_variance": 2.2,
    "gaussian.mean_drift": 1.7,
    "gaussian.entropy": 1.5,
    "gaussian.w2": 7.5,
    "gaussian.kl": 8.4,
    "gaussian.schedule": 4.0,
    "categorical.mean": 0.8,
    "categorical.collision": 1.6,
    "categorical.gini_simpson": 1.6,
    "categorical.moment_eigenvalues": 3.7,
    "categorical.fixation": 2.9,
    "categorical.loss_one_step": 0.3,
    "categorical.survival": 0.9,
    "categorical.surviving": 0.7,
    "categorical.tail_loss": 0.2,
    "categorical.entropy_one_step": 0.7,
    "categorical.entropy_bounds": 0.9,
    "categorical.absorption_time": 6.0,
    "poisson.mean": 0.1,
    "poisson.variance": 0.6,
    "exponential.rate": 0.7,
    "exponential.log_rate": 1.0,
    "mixing.fresh_gaussian": 4.2,
    "mixing.fresh_gaussian_drift": 1.6,
    "mixing.fresh_gaussian_ml": 9.5,
    "mixing.fresh_categorical_mean": 1.4,
    "mixing.fresh_categorical": 8.1,
    "mixing.critical_fraction": 1.9,
    "mixing.accumulate_gaussian": 5.6,
    "mixing.accumulate_gaussian_drift": 4.0,
    "mixing.accumulate_subsample": 0.3,
    "mixing.schedule_w2": 7.5,
    "mixing.growing_samples": 1.2,
    "mixing.golden_ratio": 4.4,
    "mixing.golden_ratio_weight": 1.5,
    "sampling.temperature_gaussian": 1.1,
    "sampling.temperature_gaussian_log_variance": 1.7,
    "sampling.temperature_critical_variance": 0.5,
    "sampling.temperature_critical_collapse": 1.8,
    "sampling.truncation_gaussian": 4.2,
    "sampling.best_of_k": 4.4,
    "sampling.temperature_categorical": 1.8,
    "sampling.top_k": 0.1,
    "sampling.top_p": 0.2,
    "sampling.reward_tilting": 3.1,
    "sampling.curation_support": 0.6,
    "information.mean_channel_noise": 0.3,
    "information.test_channel_second_moment": 1.4,
    "information.description_length": 7.6,
    "information.dpi": 1.7,
    "information.rate_distortion_chain": 2.3,
    "information.gaussian_mean_channel": 2.1,
    "information.categorical_kl": 0.8,
}
