package dev.evals4j.execution;

import java.util.Iterator;

/**
 * Reads the inputs into the {@link InputChannel} on its own thread, numbering them, so that a slow
 * or huge iterator never blocks the dispatcher and is never read further ahead than the channel
 * allows. Reports each item and the end of the inputs (or their failure) through {@code signals}.
 *
 * <p>The only thread that touches the iterator while it runs; the {@link Dispatcher} interrupts it
 * and joins it before its run returns, so the iterator is never read after that (nor while the
 * caller closes what it reads from).
 *
 * @param <I> the input type
 */
final class InputReader<I> implements Runnable {

    /** What the reader tells the dispatcher. */
    interface Signals {
        /** An item entered the channel while it was empty (the dispatcher may have found nothing to take). */
        void inputArrived();

        /** The iterator is exhausted ({@code failure == null}) or threw {@code failure}. */
        void inputsEnded(Throwable failure);
    }

    private final Iterator<? extends I> inputs;
    private final InputChannel<ItemRecord<I>> channel;
    private final Signals signals;

    InputReader(Iterator<? extends I> inputs, InputChannel<ItemRecord<I>> channel, Signals signals) {
        this.inputs = inputs;
        this.channel = channel;
        this.signals = signals;
    }

    @Override
    public void run() {
        long index = 0;
        try {
            while (inputs.hasNext()) {
                InputChannel.Put put = channel.put(new ItemRecord<>(index, inputs.next()));
                if (put == InputChannel.Put.REFUSED) {
                    return; // closed: the run stopped taking inputs
                }
                index++;
                if (put == InputChannel.Put.FIRST) {
                    signals.inputArrived();
                }
            }
            signals.inputsEnded(null);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error failure) {
            signals.inputsEnded(failure);
        }
    }
}
