// The native trainer: minibatch Adam on the generated corpus, deterministic for a seed
// (docs/model.md, "Training").
#pragma once

#include "corpus.hpp"
#include "model_weights.hpp"

#include <cstdint>
#include <functional>

namespace attention_lens {

struct TrainingOptions {
  ModelConfig shape;            // d_model, heads, layers, d_ff, max_positions (sizes come from the corpus)
  int steps = 6000;
  int batch_size = 128;
  float learning_rate = 3e-3f;  // peak; warm-up over the first 5 % of steps, then cosine decay to 5 %
  std::uint32_t seed = 20261123;
  // Head dropout in the last layer: each head's output is dropped from an example with this
  // probability (at least one head stays; the kept ones are scaled up to make up for it). So
  // every head must learn to find the deciding word on its own, and their average shows it.
  float head_dropout = 0.25f;
  // Each word with a class is read as its class with this probability (CorpusGenerator::
  // set_class_reading_percent), so the class rows that words without a row of their own are read
  // with learn what their words do.
  int class_reading_percent = 12;
  int threads = 2;              // 1 or 2; the weights come out the same either way
  // Called every `report_every` steps with the step and the batch's mean loss.
  std::function<void(int step, double mean_loss)> on_progress;
  int report_every = 100;
};

ModelWeights train_model(const TrainingOptions& options);

}  // namespace attention_lens
