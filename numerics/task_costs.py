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
    "gaussian.variance": 1.0,
    "gaussian.variance_of_variance": 2.4,
    "gaussian.std": 0.9,
    "gaussian.log_variance": 2.8,
    "gaussian.mean_drift": 2.4,
    "gaussian.entropy": 2.3,
    "gaussian.w2": 8.3,
    "gaussian.kl": 9.6,
    "gaussian.schedule": 3.5,
    "categorical.mean": 1.1,
    "categorical.collision": 1.6,
    "categorical.gini_simpson": 2.2,
    "categorical.moment_eigenvalues": 3.0,
    "categorical.fixation": 2.2,
    "categorical.loss_one_step": 0.3,
    "categorical.survival": 0.9,
    "categorical.surviving": 0.7,
    "categorical.tail_loss": 0.2,
    "categorical.entropy_one_step": 0.6,
    "categorical.entropy_bounds": 0.7,
    "categorical.absorption_time": 6.1,
    "poisson.mean": 0.1,
    "poisson.variance": 0.5,
    "exponential.rate": 0.4,
    "exponential.log_rate": 0.6,
    "mixing.fresh_gaussian": 12.0,
    "mixing.fresh_gaussian_drift": 1.0,
    "mixing.fresh_gaussian_ml": 6.6,
    "mixing.fresh_gaussian_unbiased": 9.0,
    "mixing.fresh_categorical_mean": 1.3,
    "mixing.fresh_categorical": 6.8,
    "mixing.critical_fraction": 1.6,
    "mixing.accumulate_gaussian": 5.2,
    "mixing.accumulate_gaussian_drift": 3.6,
    "mixing.accumulate_subsample": 0.3,
    "mixing.schedule_w2": 5.4,
    "mixing.growing_samples": 0.9,
    "mixing.golden_ratio": 4.3,
    "mixing.golden_ratio_weight": 1.3,
    "sampling.temperature_gaussian": 0.7,
    "sampling.temperature_gaussian_log_variance": 1.3,
    "sampling.temperature_critical_variance": 0.3,
    "sampling.temperature_critical_collapse": 1.8,
    "sampling.truncation_gaussian": 4.0,
    "sampling.best_of_k": 3.5,
    "sampling.temperature_categorical": 1.6,
    "sampling.top_k": 0.1,
    "sampling.top_p": 0.1,
    "sampling.reward_tilting": 2.7,
    "sampling.curation_support": 0.6,
    "information.mean_channel_noise": 0.3,
    "information.test_channel_second_moment": 1.0,
    "information.description_length": 5.5,
    "information.dpi": 1.4,
    "information.rate_distortion_chain": 2.4,
    "information.gaussian_mean_channel": 1.3,
    "information.categorical_kl": 3.4,
}
