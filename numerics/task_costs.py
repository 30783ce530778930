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
    "gaussian.variance": 0.3,
    "gaussian.variance_of_variance": 0.9,
    "gaussian.std": 0.3,
    "gaussian.log_variance": 1.2,
    "gaussian.mean_drift": 0.9,
    "gaussian.entropy": 0.9,
    "gaussian.w2": 3.9,
    "gaussian.kl": 4.3,
    "gaussian.schedule": 1.5,
    "categorical.mean": 0.5,
    "categorical.collision": 0.8,
    "categorical.gini_simpson": 1.2,
    "categorical.moment_eigenvalues": 1.5,
    "categorical.fixation": 1.1,
    "categorical.loss_one_step": 0.1,
    "categorical.survival": 0.5,
    "categorical.surviving": 0.3,
    "categorical.tail_loss": 0.1,
    "categorical.entropy_one_step": 0.3,
    "categorical.entropy_bounds": 0.3,
    "categorical.absorption_time": 3.4,
    "poisson.mean": 0.1,
    "poisson.variance": 0.3,
    "exponential.rate": 0.3,
    "exponential.log_rate": 0.4,
    "mixing.fresh_gaussian": 7.1,
    "mixing.fresh_gaussian_drift": 0.9,
    "mixing.fresh_gaussian_ml": 2.1,
    "mixing.fresh_gaussian_unbiased": 7.9,
    "mixing.fresh_categorical_mean": 0.5,
    "mixing.fresh_categorical": 3.3,
    "mixing.critical_fraction": 1.4,
    "mixing.accumulate_gaussian": 1.7,
    "mixing.accumulate_gaussian_drift": 1.1,
    "mixing.accumulate_subsample": 0.2,
    "mixing.schedule_w2": 4.1,
    "mixing.growing_samples": 4.0,
    "mixing.golden_ratio": 2.0,
    "mixing.golden_ratio_weight": 0.5,
    "sampling.temperature_gaussian": 0.4,
    "sampling.temperature_gaussian_log_variance": 1.0,
    "sampling.temperature_critical_variance": 0.1,
    "sampling.temperature_critical_collapse": 0.7,
    "sampling.truncation_gaussian": 1.7,
    "sampling.best_of_k": 1.6,
    "sampling.temperature_categorical": 1.4,
    "sampling.top_k": 0.1,
    "sampling.top_p": 0.1,
    "sampling.reward_tilting": 1.9,
    "sampling.curation_support": 0.4,
    "information.mean_channel_noise": 0.2,
    "information.test_channel_second_moment": 0.4,
    "information.description_length": 2.5,
    "information.dpi": 0.7,
    "information.rate_distortion_chain": 0.7,
    "information.gaussian_mean_channel": 0.8,
    "information.categorical_kl": 2.0,
}
