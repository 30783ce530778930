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
    "gaussian.variance": 0.9,
    "gaussian.variance_of_variance": 2.6,
    "gaussian.std": 0.9,
    "gaussian.log_variance": 3.1,
    "gaussian.mean_drift": 2.1,
    "gaussian.entropy": 2.5,
    "gaussian.w2": 9.2,
    "gaussian.kl": 12.8,
    "gaussian.schedule": 4.1,
    "categorical.mean": 1.2,
    "categorical.collision": 2.3,
    "categorical.gini_simpson": 2.3,
    "categorical.moment_eigenvalues": 4.4,
    "categorical.fixation": 2.7,
    "categorical.loss_one_step": 0.3,
    "categorical.survival": 0.9,
    "categorical.surviving": 0.6,
    "categorical.tail_loss": 0.3,
    "categorical.entropy_one_step": 0.5,
    "categorical.entropy_bounds": 0.6,
    "categorical.absorption_time": 9.0,
    "poisson.mean": 0.1,
    "poisson.variance": 0.9,
    "exponential.rate": 0.8,
    "exponential.log_rate": 1.1,
    "mixing.fresh_gaussian": 3.6,
    "mixing.fresh_gaussian_drift": 1.4,
    "mixing.fresh_gaussian_ml": 7.9,
    "mixing.fresh_categorical_mean": 1.3,
    "mixing.fresh_categorical": 8.4,
    "mixing.critical_fraction": 2.3,
    "mixing.accumulate_gaussian": 7.5,
    "mixing.accumulate_gaussian_drift": 3.9,
    "mixing.accumulate_subsample": 0.3,
    "mixing.schedule_w2": 6.7,
    "mixing.growing_samples": 0.6,
    "mixing.golden_ratio": 0.8,
    "mixing.golden_ratio_weight": 0.7,
    "sampling.temperature_gaussian": 0.9,
    "sampling.temperature_gaussian_log_variance": 2.0,
    "sampling.temperature_critical_variance": 0.5,
    "sampling.temperature_critical_collapse": 2.1,
    "sampling.truncation_gaussian": 3.6,
    "sampling.best_of_k": 5.4,
    "sampling.temperature_categorical": 0.6,
    "sampling.top_k": 0.3,
    "sampling.top_p": 0.5,
    "sampling.reward_tilting": 1.1,
    "sampling.curation_support": 0.5,
    "information.mean_channel_noise": 0.4,
    "information.test_channel_second_moment": 0.7,
    "information.description_length": 6.6,
    "information.dpi": 1.5,
    "information.rate_distortion_chain": 0.1,
    "information.gaussian_mean_channel": 0.7,
    "information.categorical_kl": 0.7,
}
